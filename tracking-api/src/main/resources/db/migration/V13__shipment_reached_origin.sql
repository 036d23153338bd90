-- When the truck was first seen inside the origin's geofence: a load departs when it leaves the origin after
-- that, so a truck still finishing another load elsewhere does not put the next one in transit.
ALTER TABLE shipment_state ADD COLUMN reached_origin_at timestamptz;
