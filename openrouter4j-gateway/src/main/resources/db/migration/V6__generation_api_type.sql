-- Which API a generation answered, as GET /generation's api_type says it: completions (chat and
-- Responses) or embeddings. Every generation before this one was a completion.
ALTER TABLE generations ADD COLUMN api_type VARCHAR(16) DEFAULT 'completions' NOT NULL;
