-- Conversations of the assistant (assistant/ chat). A conversation belongs to one user; nobody else reads it.
CREATE TABLE conversations (
    id          text PRIMARY KEY,
    username    text NOT NULL,
    org_id      text NOT NULL,
    last_seq    bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_user ON conversations (username, updated_at DESC);

-- What the user sees: their messages, the assistant's final answers and proactive alerts, numbered per
-- conversation so a reconnecting client resumes after the last seq it has.
CREATE TABLE chat_messages (
    conversation_id  text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq              bigint NOT NULL,
    role             text NOT NULL CHECK (role IN ('user', 'assistant', 'alert')),
    text             text NOT NULL,
    citations        jsonb NOT NULL DEFAULT '[]',
    alert            jsonb,
    client_msg_id    text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, seq)
);
-- A message resent after a reconnect (same clientMsgId) is answered once.
CREATE UNIQUE INDEX chat_messages_client_id ON chat_messages (conversation_id, client_msg_id)
    WHERE client_msg_id IS NOT NULL;

-- The model's memory of each conversation (LangChain4j messages as JSON), tool calls included.
CREATE TABLE chat_memory (
    conversation_id  text PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
    messages         jsonb NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
