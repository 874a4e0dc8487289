-- kehoach schema migration 2 (PRAGMA user_version = 2): the periodic report's own recipients
-- and signer (the seed's optional [report]), as one JSON object on the plan's row; '{}' means
-- "as the plan".
ALTER TABLE plan ADD COLUMN report TEXT NOT NULL DEFAULT '{}';
