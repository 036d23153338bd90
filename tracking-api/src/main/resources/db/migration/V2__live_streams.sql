-- Live streams (see dev.tracelane.tracking.live). Writers append to the outbox inside their own transaction;
-- one sequencer at a time (advisory lock) moves rows into live_messages, numbering them per topic, so seq
-- order is commit order and survives restarts. Subscribers resume from live_messages.
CREATE TABLE live_outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        text NOT NULL,
    shipment_id  bigint,
    kind         text NOT NULL,
    data         jsonb NOT NULL
);

CREATE TABLE live_topics (
    topic  text PRIMARY KEY,
    seq    bigint NOT NULL
);

CREATE TABLE live_messages (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        text NOT NULL,
    seq          bigint NOT NULL,
    shipment_id  bigint,
    reference    text,
    shipper_id   text,
    carrier_id   text,
    kind         text NOT NULL,
    data         jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (topic, seq)
);
CREATE INDEX live_messages_created ON live_messages (created_at);
