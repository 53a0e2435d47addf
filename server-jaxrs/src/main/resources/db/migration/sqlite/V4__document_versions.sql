-- A version per document row, bumped by every update. It lets an update read without a lock and
-- write only if nobody wrote in between (UPDATE ... WHERE version = ?), which saves the round
-- trips of a locking transaction when updates of one document do not collide.
ALTER TABLE actors ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE actor_tasks ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE builds ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
