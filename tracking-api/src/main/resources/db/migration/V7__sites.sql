-- Sites that embed the chat widget (web-chat/). The site key is public (it is in the host page); what it
-- guards is which browser origins may open the chat socket and call the chat API for that org.
CREATE TABLE sites (
    site_key    text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES orgs(id),
    name        text NOT NULL,
    origins     text[] NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sites_org ON sites (org_id);
