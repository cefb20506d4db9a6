-- The served attempt (a generation's last) repeated its generations row: the same provider, model
-- and latency, written as a second row with its own primary-key entry. Most generations have only
-- that attempt, so every record cost two tables' inserts. Now the row keeps the served attempt's
-- status, and generation_attempts holds only the attempts that failed before it. NULL: the record
-- was written with no attempts at all, or with a last attempt that does not repeat its row (then
-- every attempt is in generation_attempts, as before).
ALTER TABLE generations ADD COLUMN served_status INTEGER;

UPDATE generations SET served_status = (
  SELECT a.status FROM generation_attempts a
  WHERE a.generation_id = generations.id
    AND a.seq = (SELECT MAX(b.seq) FROM generation_attempts b WHERE b.generation_id = generations.id)
    AND a.provider = generations.provider AND a.model = generations.model AND a.latency_ms = generations.latency_ms);

DELETE FROM generation_attempts WHERE EXISTS (
  SELECT 1 FROM generations g
  WHERE g.id = generation_attempts.generation_id AND g.served_status IS NOT NULL
    AND generation_attempts.seq = (SELECT MAX(b.seq) FROM generation_attempts b WHERE b.generation_id = g.id));
