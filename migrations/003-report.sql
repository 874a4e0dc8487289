-- kehoach schema migration 003: the periodic report's own recipients and signer (the seed's
-- optional [report]), as one JSON object on the plan's row; '{}' means "as the plan".
-- Numbered 003 because 002 (indexes) is another branch's; the MIGRATIONS list in
-- src/store/mod.rs gives the order in which they run.
ALTER TABLE plan ADD COLUMN report TEXT NOT NULL DEFAULT '{}';
