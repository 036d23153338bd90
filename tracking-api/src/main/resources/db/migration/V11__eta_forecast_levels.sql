-- Calibration now learns where actual arrivals fell in each forecast (a probability) instead of the ratio of
-- actual to estimated time to go. Old ratios mean nothing as levels, so they are cleared: the lane profiles keep
-- their history and calibration starts again from the next deliveries.
ALTER TABLE lane_trips RENAME COLUMN error_ratios TO forecast_levels;
UPDATE lane_trips SET forecast_levels = array_fill('NaN'::double precision, ARRAY[20]);
