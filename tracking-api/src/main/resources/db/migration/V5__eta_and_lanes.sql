-- When a detector first established an alert, on event time; opened_at is when the condition began.
ALTER TABLE alerts ADD COLUMN detected_at timestamptz;
UPDATE alerts SET detected_at = opened_at;
ALTER TABLE alerts ALTER COLUMN detected_at SET NOT NULL;

-- The latest ETA of each shipment (tools/ eta): what GET /api/shipments/{ref}/eta answers.
CREATE TABLE shipment_eta (
    shipment_id       bigint PRIMARY KEY REFERENCES shipments(id) ON DELETE CASCADE,
    eta               timestamptz NOT NULL,
    p10               timestamptz NOT NULL,
    p90               timestamptz NOT NULL,
    remaining_meters  double precision NOT NULL,
    as_of             timestamptz NOT NULL,
    late_probability  double precision,
    basis             jsonb NOT NULL
);

-- One row per delivered trip: what lane profiles are learned from (time to go by progress, speed by stretch of
-- the road and by hour of week) and how far the predictor's raw estimates were off on it (calibration).
CREATE TABLE lane_trips (
    shipment_id       bigint PRIMARY KEY REFERENCES shipments(id) ON DELETE CASCADE,
    lane              text NOT NULL,
    departed_at       timestamptz NOT NULL,
    delivered_at      timestamptz NOT NULL,
    length_meters     double precision NOT NULL,
    circuity          double precision NOT NULL,
    time_to_go        double precision[] NOT NULL,
    hour_meters       double precision[] NOT NULL,
    hour_seconds      double precision[] NOT NULL,
    segment_meters    double precision[] NOT NULL,
    segment_seconds   double precision[] NOT NULL,
    pause_seconds     double precision NOT NULL,
    error_ratios      double precision[] NOT NULL
);
CREATE INDEX lane_trips_lane ON lane_trips (lane, delivered_at DESC);
CREATE INDEX lane_trips_delivered ON lane_trips (delivered_at DESC);
