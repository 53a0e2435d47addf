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
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  owner_id    TEXT NOT NULL REFERENCES users (id),
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (owner_id, name)
);

CREATE TABLE actor_tasks (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  owner_id    TEXT NOT NULL REFERENCES users (id),
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (owner_id, name)
);
