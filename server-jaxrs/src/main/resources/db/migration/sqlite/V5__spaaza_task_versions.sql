-- Spaaza tasks carry a version too, so every store updates its rows under one contract
-- (read, then UPDATE ... WHERE version = ?), whichever database it runs on.
ALTER TABLE spaaza_tasks ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
