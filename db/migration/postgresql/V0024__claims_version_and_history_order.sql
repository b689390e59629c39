-- A second matrix data version that automated results and dispute resolutions leave alone (issue 24): the
-- dashboard's whole-table aggregates (coverage, scores, family × platform) depend on claims, validation and models
-- only, so a cache of them keyed by this version stays warm while CI ingest writes results every second.
-- As on DuckDB (which cannot add a column with a NOT NULL constraint), the reads treat NULL as false.
ALTER TABLE matrix_changes ADD COLUMN results_only BOOLEAN DEFAULT false;
ALTER TABLE matrix_version ADD COLUMN claim_changes BIGINT DEFAULT 0;
ALTER TABLE matrix_version ADD COLUMN claim_changes_id_sum BIGINT DEFAULT 0;
UPDATE matrix_version SET claim_changes = 0, claim_changes_id_sum = 0;

-- The dashboard's recent changes and the history screen's first page read the newest history rows: without this
-- index PostgreSQL scans and sorts all of them (4.4 M at 100,000 models, 578 ms); DuckDB's scan takes 15 ms.
CREATE INDEX compatibility_history_newest_idx ON compatibility_history (change_date DESC, id DESC);
