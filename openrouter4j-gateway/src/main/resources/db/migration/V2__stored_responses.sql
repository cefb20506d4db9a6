-- Stored Responses API responses (store: true, the default): read back with GET /responses/{id},
-- chained with previous_response_id, run in the background. Written in the SQL that both
-- PostgreSQL and H2 (in PostgreSQL mode) accept.
--
-- response is the response JSON exactly as the client was last answered (so a GET returns the same
-- bytes); input_items the request's own input items, each with an id (GET .../input_items and the
-- context of a later previous_response_id). status repeats the response's status so that unfinished
-- background runs can be found without reading the JSON. A background run's owner touches
-- heartbeat_at every second; a queued or in_progress row whose heartbeat stopped belongs to an
-- instance that died, and is marked failed by whichever instance notices first.
CREATE TABLE stored_responses (
  id            VARCHAR(64)  NOT NULL PRIMARY KEY,
  key_hash      VARCHAR(64)  NOT NULL,
  previous_id   VARCHAR(64),
  status        VARCHAR(16)  NOT NULL,
  background    BOOLEAN      NOT NULL,
  response      TEXT         NOT NULL,
  input_items   TEXT         NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stored_responses_unfinished ON stored_responses (status, heartbeat_at);
