-- Whether a generation was cancelled before its answer was complete: its client left mid-answer,
-- or its background run was cancelled. Its tokens and cost are what was produced until then.
ALTER TABLE generations ADD COLUMN cancelled BOOLEAN DEFAULT FALSE NOT NULL;
