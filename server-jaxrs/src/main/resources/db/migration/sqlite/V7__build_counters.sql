-- The last build number handed out per Actor version. Build numbers count up and are never handed
-- out again, even after the build that had one is deleted (as on the vendor's platform), so the
-- next number cannot be derived from the builds that still exist.
CREATE TABLE build_counters (
  actor_id        TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  version_number  TEXT NOT NULL,
  last_number     BIGINT NOT NULL,
  PRIMARY KEY (actor_id, version_number)
);
