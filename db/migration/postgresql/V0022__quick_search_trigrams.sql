-- The quick search (issue 23) finds models and families by any part of their name (ILIKE '%text%'). PostgreSQL scans
-- every model for that unless a trigram index answers it; DuckDB scans fast enough without one (BENCHMARKS.md
-- "Quick search"). pg_trgm ships with PostgreSQL and is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX models_name_trigram_idx ON models USING gin (model_name gin_trgm_ops);
CREATE INDEX models_family_trigram_idx ON models USING gin (model_family gin_trgm_ops);
