-- What every server instance on one database must see (issue 19), kept in the database rather
-- than on one instance's disk or in its memory.

-- Spaaza export results, one per task (a new run replaces it), named as the download link names
-- them (Wallet_Export-12345.csv). They go with their task.
CREATE TABLE spaaza_results (
  name        TEXT NOT NULL PRIMARY KEY,
  task_id     BIGINT NOT NULL REFERENCES spaaza_tasks (id) ON DELETE CASCADE,
  content     BYTEA NOT NULL
);

CREATE INDEX spaaza_results_by_task ON spaaza_results (task_id);

-- Server secrets by name: the key that signs Spaaza download links (created on first start).
CREATE TABLE spaaza_secrets (
  name   TEXT NOT NULL PRIMARY KEY,
  value  TEXT NOT NULL
);

-- Rate-limit token buckets shared by every instance (ADR 0017), in the layout of Bucket4j's
-- PostgreSQL integration (PostgreSQLadvisoryLockBasedProxyManager with expiry): the bucket's key,
-- its serialised state, when it is full again and may go (epoch milliseconds), and the advisory
-- lock ID its key maps to (which the cleaner locks before deleting a row).
CREATE TABLE rate_limit_buckets (
  id             TEXT NOT NULL PRIMARY KEY,
  state          BYTEA NOT NULL,
  expires_at     BIGINT NOT NULL,
  explicit_lock  BIGINT NOT NULL
);

CREATE INDEX rate_limit_buckets_expiry ON rate_limit_buckets (expires_at);
