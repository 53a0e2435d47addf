-- Builds of Actors (as db/migration/sqlite/V2). The document's owner is the Actor: builds are
-- listed per Actor and go with it when it is deleted. name holds the build number.
CREATE TABLE builds (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  owner_id    TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (owner_id, name)
);
