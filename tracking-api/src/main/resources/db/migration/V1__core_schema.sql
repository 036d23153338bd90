-- Orgs, people and devices.
CREATE TABLE orgs (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    username       text PRIMARY KEY,
    org_id         text NOT NULL REFERENCES orgs(id),
    password_hash  text NOT NULL,
    roles          text[] NOT NULL,
    shipments      text[],
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Refresh tokens are stored hashed; revoked ones stay for audit.
CREATE TABLE refresh_tokens (
    token_hash  bytea PRIMARY KEY,
    username    text NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    revoked     boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE trackers (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES orgs(id),
    name        text,
    token_hash  bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shipments (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference           text NOT NULL,
    shipper_id          text NOT NULL REFERENCES orgs(id),
    carrier_id          text NOT NULL REFERENCES orgs(id),
    lane                text NOT NULL,
    origin              jsonb NOT NULL,
    destination         jsonb NOT NULL,
    stops               jsonb NOT NULL DEFAULT '[]',
    planned_route       jsonb,
    planned_departure   timestamptz,
    promised_from       timestamptz,
    promised_until      timestamptz,
    cargo_type          text,
    temp_min            double precision,
    temp_max            double precision,
    tracker_id          text REFERENCES trackers(id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (shipper_id, reference)
);
CREATE INDEX shipments_reference ON shipments (reference);
CREATE INDEX shipments_carrier ON shipments (carrier_id);
CREATE INDEX shipments_tracker ON shipments (tracker_id, created_at DESC);

-- One row per shipment: "where is it now" never reads history.
CREATE TABLE shipment_state (
    shipment_id    bigint PRIMARY KEY REFERENCES shipments(id) ON DELETE CASCADE,
    status         text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_transit', 'delivered')),
    last_ts        timestamptz,
    lat            double precision,
    lon            double precision,
    speed          double precision,
    heading        double precision,
    temperature    double precision,
    progress       double precision,
    departed_at    timestamptz,
    delivered_at   timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shipment_state_status ON shipment_state (status);

-- Tracking events, range-partitioned by device time (see PartitionMaintenance).
-- The unique key makes ingestion idempotent: (tracker, client id) with the device timestamp,
-- or (tracker, timestamp) when the device sends no id (client_id = '').
CREATE TABLE tracking_events (
    tracker_id   text NOT NULL,
    ts           timestamptz NOT NULL,
    client_id    text NOT NULL DEFAULT '',
    shipment_id  bigint,
    received_at  timestamptz NOT NULL,
    lat          double precision,
    lon          double precision,
    speed        double precision,
    heading      double precision,
    accuracy     double precision,
    altitude     double precision,
    temperature  double precision,
    humidity     double precision,
    battery      double precision,
    event        text,
    PRIMARY KEY (tracker_id, ts, client_id)
) PARTITION BY RANGE (ts);
CREATE INDEX tracking_events_shipment_ts ON tracking_events (shipment_id, ts DESC);

-- Catches events far outside the partition window (old replays, skewed clocks) so nothing is refused.
CREATE TABLE tracking_events_default PARTITION OF tracking_events DEFAULT;
