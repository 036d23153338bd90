-- Links to the public tracking page (web-chat/). The link's token is a short-lived customer JWT whose subject is
-- the share's id; the token itself is never stored. A revoked share's token is refused on every request.
CREATE TABLE shares (
    id           text PRIMARY KEY,
    shipment_id  bigint NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    revoked_by   text
);
CREATE INDEX shares_shipment ON shares (shipment_id);
