-- What a trip's lane knew when it set off (new, known, or with its trucks' cruising speed): calibration reads a
-- forecast only against forecasts made at the same stage. For trips stored before this, the stage is rebuilt
-- from the lane's history as it stood at departure (five of its last 50 trips with a cruising speed), so a
-- mature lane's window is not left without calibration after the upgrade.
ALTER TABLE lane_trips ADD COLUMN lane_stage text NOT NULL DEFAULT 'known'
    CHECK (lane_stage IN ('new', 'known', 'cruising'));
UPDATE lane_trips t SET lane_stage = 'new' WHERE NOT lane_known;
UPDATE lane_trips t SET lane_stage = 'cruising'
 WHERE lane_known
   AND (SELECT count(p.cruising_speed)
          FROM (SELECT cruising_speed FROM lane_trips p
                 WHERE p.lane = t.lane AND p.delivered_at < t.departed_at
                 ORDER BY p.delivered_at DESC LIMIT 50) p) >= 5;
ALTER TABLE lane_trips ALTER COLUMN lane_stage DROP DEFAULT;
ALTER TABLE lane_trips DROP COLUMN lane_known;
