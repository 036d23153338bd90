-- A position no truck could have driven to from the one before (a GPS glitch) is kept, flagged, and read past:
-- the current position, the track, lane learning and the detectors skip it. A second reading that agrees with it
-- confirms a real move (a tracker taken to another truck), so the shipment's state holds the last one refused.
ALTER TABLE tracking_events ADD COLUMN implausible boolean NOT NULL DEFAULT false;
ALTER TABLE shipment_state ADD COLUMN position_ts timestamptz,
                           ADD COLUMN jump_lat double precision,
                           ADD COLUMN jump_lon double precision,
                           ADD COLUMN jump_ts timestamptz;
UPDATE shipment_state SET position_ts = last_ts WHERE lat IS NOT NULL;
