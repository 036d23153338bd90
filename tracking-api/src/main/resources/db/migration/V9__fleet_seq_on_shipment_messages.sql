-- A shipment's live update is stored once: its place in the fleet topic is a column (fleet_seq) of the
-- shipment's own message instead of a second, copied row. Under load this halves the rows the live pipeline
-- writes to the outbox and to live_messages. Fleet messages stored the old way are dropped; a dashboard
-- resuming from before the upgrade gets a resync.
ALTER TABLE live_outbox ADD COLUMN fleet boolean NOT NULL DEFAULT false;
UPDATE live_outbox SET fleet = true WHERE topic LIKE 's:%' AND kind <> 'alert';
DELETE FROM live_outbox WHERE topic = 'fleet';

ALTER TABLE live_messages ADD COLUMN fleet_seq bigint;
DELETE FROM live_messages WHERE topic = 'fleet';
CREATE UNIQUE INDEX live_messages_fleet_seq ON live_messages (fleet_seq) WHERE fleet_seq IS NOT NULL;

-- Rows arrive in created_at order and are only ever pruned by age: a BRIN index serves that at almost no
-- cost per insert.
DROP INDEX live_messages_created;
CREATE INDEX live_messages_created ON live_messages USING brin (created_at);
