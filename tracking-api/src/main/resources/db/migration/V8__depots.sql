-- An org's own yards, terminals and customer docks: a truck standing there is where it is expected to be, so the
-- unplanned-stop detector leaves it alone on every shipment the org ships or carries.
CREATE TABLE depots (
    id             bigserial PRIMARY KEY,
    org_id         text NOT NULL REFERENCES orgs(id),
    name           text NOT NULL,
    lat            double precision NOT NULL,
    lon            double precision NOT NULL,
    radius_meters  double precision NOT NULL,
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX depots_org ON depots (org_id);
