-- The accounts schema: API keys with their credit ledger, the generation records, and the shared
-- rate-limit buckets. Written in the SQL that both PostgreSQL and H2 (in PostgreSQL mode) accept.
-- Money is NUMERIC(24,10): exact dollars to a tenth of a micro-dollar, as account.Cost rounds them.

-- One row per API key. The secret itself is never stored: hash is the hex SHA-256 of it, and
-- lookup the first 16 hex digits of that hash, which is what a request's key is looked up by
-- before the whole hash is compared in constant time.
CREATE TABLE api_keys (
  hash            VARCHAR(64)    NOT NULL PRIMARY KEY,
  lookup          VARCHAR(16)    NOT NULL,
  label           VARCHAR(64)    NOT NULL,
  name            VARCHAR(200)   NOT NULL,
  disabled        BOOLEAN        NOT NULL DEFAULT FALSE,
  credit_limit    NUMERIC(24,10),               -- NULL: unlimited
  limit_reset     VARCHAR(16),                  -- NULL (never), 'daily', 'weekly' or 'monthly' (UTC)
  rate_limit_rpm  INTEGER,                      -- NULL: the gateway's default
  usage_total     NUMERIC(24,10) NOT NULL DEFAULT 0,
  -- usage since the start of the current UTC day, ISO week (Monday) and month; a *_start older than
  -- the current period means that period's usage is 0
  usage_daily     NUMERIC(24,10) NOT NULL DEFAULT 0,
  usage_weekly    NUMERIC(24,10) NOT NULL DEFAULT 0,
  usage_monthly   NUMERIC(24,10) NOT NULL DEFAULT 0,
  day_start       DATE           NOT NULL,
  week_start      DATE           NOT NULL,
  month_start     DATE           NOT NULL,
  -- the sum of the estimates of requests in flight (rows of credit_reservations)
  reserved        NUMERIC(24,10) NOT NULL DEFAULT 0,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_keys_lookup ON api_keys (lookup);

-- One row per request in flight that holds part of a key's credit. Settling deletes it; a row
-- older than the longest request (its owner crashed) is released by CreditLedger.releaseExpired.
CREATE TABLE credit_reservations (
  id          VARCHAR(36)    NOT NULL PRIMARY KEY,
  key_hash    VARCHAR(64)    NOT NULL,
  amount      NUMERIC(24,10) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX credit_reservations_created ON credit_reservations (created_at);

-- One row per generation (GET /api/v1/generation), written in batches by GenerationWriter.
-- created_day is the UTC date of created_at, kept so that activity groups by a plain column.
CREATE TABLE generations (
  id                  VARCHAR(64)    NOT NULL PRIMARY KEY,
  key_hash            VARCHAR(64)    NOT NULL,
  model               VARCHAR(200)   NOT NULL,
  provider            VARCHAR(100)   NOT NULL,
  prompt_tokens       BIGINT         NOT NULL,
  completion_tokens   BIGINT         NOT NULL,
  cached_tokens       BIGINT         NOT NULL,
  reasoning_tokens    BIGINT         NOT NULL,
  cost                NUMERIC(24,10) NOT NULL,
  latency_ms          BIGINT         NOT NULL,
  generation_time_ms  BIGINT         NOT NULL,
  finish_reason       VARCHAR(64),
  streamed            BOOLEAN        NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  created_day         DATE           NOT NULL
);
CREATE INDEX generations_key_day ON generations (key_hash, created_day);

-- The upstream attempts of a generation, in order (seq from 0), the served one last.
CREATE TABLE generation_attempts (
  generation_id  VARCHAR(64)  NOT NULL,
  seq            INTEGER      NOT NULL,
  provider       VARCHAR(100) NOT NULL,
  model          VARCHAR(200) NOT NULL,
  status         INTEGER      NOT NULL,
  latency_ms     BIGINT       NOT NULL,
  PRIMARY KEY (generation_id, seq)
);

-- Bucket4j's PostgreSQL proxy manager keeps each key's requests-per-minute bucket here, so several
-- gateway instances sharing one database share the limit. Unused on H2 (buckets are in memory).
CREATE TABLE rate_limit_buckets (
  id          VARCHAR(100) NOT NULL PRIMARY KEY,
  state       BYTEA,
  expires_at  BIGINT
);
