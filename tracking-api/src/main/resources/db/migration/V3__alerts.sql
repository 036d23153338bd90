-- Alerts raised by the detectors in tools/. All migrations live here: one module owns the schema, so every
-- module's tests see the same history.
CREATE TABLE alerts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id      bigint NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    type             text NOT NULL,
    severity         text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
    title            text NOT NULL,
    evidence         jsonb NOT NULL,
    opened_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    resolved_at      timestamptz,
    resolved_by      text
);
-- At most one active alert per shipment and type: repeats update it.
CREATE UNIQUE INDEX alerts_one_active ON alerts (shipment_id, type) WHERE status <> 'resolved';
CREATE INDEX alerts_status ON alerts (status, updated_at DESC);
