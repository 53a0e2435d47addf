-- Spaaza Services API: chains, their credentials, and scheduled tasks.

CREATE TABLE spaaza_chains (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- Privileged tokens: the secret is kept only as a slow, salted hash (PBKDF2).
CREATE TABLE spaaza_tokens (
  token_id     TEXT NOT NULL PRIMARY KEY,
  chain_id     INTEGER NOT NULL REFERENCES spaaza_chains (id),
  secret_hash  TEXT NOT NULL
);

-- Admin sessions (random keys, kept as SHA-256) and each admin's access level per chain.
CREATE TABLE spaaza_sessions (
  key_hash  TEXT NOT NULL PRIMARY KEY,
  user_id   INTEGER NOT NULL
);

CREATE TABLE spaaza_chain_access (
  user_id       INTEGER NOT NULL,
  chain_id      INTEGER NOT NULL REFERENCES spaaza_chains (id),
  access_level  TEXT NOT NULL,
  PRIMARY KEY (user_id, chain_id)
);

-- Tasks are JSON documents plus the columns the API filters on and the scheduler polls by.
CREATE TABLE spaaza_tasks (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  chain_id     INTEGER NOT NULL REFERENCES spaaza_chains (id),
  state        TEXT NOT NULL,
  due_at       BIGINT NOT NULL,
  action       TEXT NOT NULL,
  campaign_id  BIGINT,
  body         TEXT NOT NULL
);

CREATE INDEX spaaza_tasks_by_chain ON spaaza_tasks (chain_id, id);
CREATE INDEX spaaza_tasks_due ON spaaza_tasks (state, due_at);
