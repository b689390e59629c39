-- Editing models (issue "Editing"): a row version for optimistic locking, and deletion that keeps history.
-- A deleted model keeps its row (so its compatibility_history stays readable by name) and is hidden
-- everywhere else; its claims, matrix row and recommendations are removed.
ALTER TABLE models ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE models ADD COLUMN deleted_at TIMESTAMP;
