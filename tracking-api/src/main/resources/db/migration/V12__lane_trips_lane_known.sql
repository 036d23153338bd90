-- Whether a trip's lane had delivered trips when it set off: forecasts made with no lane history are calibrated
-- only by others like them. Trips stored before this were all counted as on known lanes.
ALTER TABLE lane_trips ADD COLUMN lane_known boolean NOT NULL DEFAULT true;
