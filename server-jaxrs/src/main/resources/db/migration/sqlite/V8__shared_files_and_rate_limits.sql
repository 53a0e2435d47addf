-- What every server instance on one database must see (issue 19), kept in the database rather
-- than beside it in the data directory.

-- Spaaza export results, one per task (a new run replaces it), named as the download link names
-- them (Wallet_Export-12345.csv). They go with their task.
CREATE TABLE spaaza_results (
  name        TEXT NOT NULL PRIMARY KEY,
  task_id     INTEGER NOT NULL REFERENCES spaaza_tasks (id) ON DELETE CASCADE,
  content     BLOB NOT NULL
);

CREATE INDEX spaaza_results_by_task ON spaaza_results (task_id);

-- Server secrets by name: the key that signs Spaaza download links (created on first start).
CREATE TABLE spaaza_secrets (
  name   TEXT NOT NULL PRIMARY KEY,
  value  TEXT NOT NULL
);

-- PostgreSQL's V8 also creates rate_limit_buckets, the rate limits shared by every instance. The
-- embedded and in-memory stores serve one instance, which counts in memory: no table here.
