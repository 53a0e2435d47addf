-- The same schema as the embedded store's V1 (db/migration/sqlite), in PostgreSQL's dialect.
-- Timestamps stay ISO-8601 text and bodies stay text so both stores share their SQL and a
-- document's JSON comes back byte for byte (jsonb would reorder the keys of a task's input).

-- Users and the hashes of their API tokens (tokens themselves are never stored).
CREATE TABLE users (
  id          TEXT NOT NULL PRIMARY KEY,
  username    TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
);

CREATE TABLE api_tokens (
  token_hash  TEXT NOT NULL PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id)
);

-- Resources are JSON documents with the columns we look them up and sort by.
-- seq gives a stable creation order even for equal timestamps.
CREATE TABLE actors (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  owner_id    TEXT NOT NULL REFERENCES users (id),
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (owner_id, name)
);

CREATE TABLE actor_tasks (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  owner_id    TEXT NOT NULL REFERENCES users (id),
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (owner_id, name)
);
