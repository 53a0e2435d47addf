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

-- Rate limits shared by every instance (ADR 0017): one row per bucket, kept as its theoretical
-- arrival time (GCRA, the token bucket with greedy refill as one number), microseconds since the
-- epoch on the database's clock. A row whose time has passed is a full bucket, the same as no row,
-- and may be deleted. UNLOGGED: a check writes no WAL and so waits for no flush; after a crash of
-- the database the table is empty (every bucket full), which rate limits can afford.
CREATE UNLOGGED TABLE rate_limit_buckets (
  id   TEXT NOT NULL PRIMARY KEY,
  tat  BIGINT NOT NULL
);

CREATE INDEX rate_limit_buckets_by_tat ON rate_limit_buckets (tat);
