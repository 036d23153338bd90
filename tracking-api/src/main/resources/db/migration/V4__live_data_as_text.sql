-- Live message bodies are written once and sent as they are: plain text spares PostgreSQL parsing them into
-- jsonb on every insert (tens of thousands a second under load) and keeps them byte for byte.
ALTER TABLE live_outbox ALTER COLUMN data TYPE text;
ALTER TABLE live_messages ALTER COLUMN data TYPE text;
