-- Each delivered trip's cruising speed (the median, by driving time, of its speeds from 54 km/h): a truck's pace
-- against its lane is read from how fast it cruises against the lane's trips. Trips stored before this have none
-- (NULL) and are left out of the lane's figure.
ALTER TABLE lane_trips ADD COLUMN cruising_speed double precision;
