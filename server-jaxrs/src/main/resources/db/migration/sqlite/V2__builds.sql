-- Builds of Actors. The document's owner is the Actor (not a user): builds are listed per Actor
-- and go with it when it is deleted. name holds the build number, unique within the Actor.
CREATE TABLE builds (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  owner_id    TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (owner_id, name)
);
