-- What a trip's lane knew when it set off (new, known, or with its trucks' cruising speed): calibration reads a
-- forecast only against forecasts made at the same stage. Whether a trip stored before this had a cruising pace
-- is not on record, and most were forecast before there was one, so a known lane's count as 'known'.
ALTER TABLE lane_trips ADD COLUMN lane_stage text NOT NULL DEFAULT 'known'
    CHECK (lane_stage IN ('new', 'known', 'cruising'));
UPDATE lane_trips SET lane_stage = 'new' WHERE NOT lane_known;
ALTER TABLE lane_trips ALTER COLUMN lane_stage DROP DEFAULT;
ALTER TABLE lane_trips DROP COLUMN lane_known;
