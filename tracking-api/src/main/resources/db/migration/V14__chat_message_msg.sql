-- The turn's message id (chat.ack's msg) on the user's message and on its answer, so a resent message and a
-- resume name the answer by the id it was first sent with.
ALTER TABLE chat_messages ADD COLUMN msg text;
