-- The seed's references as real foreign keys (PostgreSQL only: on DuckDB they double load time and turn updates
-- into delete + insert, see db/migration/duckdb/V0001). Checked at commit (DEFERRABLE INITIALLY DEFERRED), so the
-- writer may insert a transaction's rows in any order. References that outlive their target are left out: reviews,
-- resolutions and objections keep the id of a claim that may since have been removed, and models are never deleted
-- (a deleted model keeps its row, deleted_at set).
ALTER TABLE cross_platform_compatibility ADD CONSTRAINT cross_platform_compatibility_model_fk
    FOREIGN KEY (model_id) REFERENCES models (model_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE compatibility_details ADD CONSTRAINT compatibility_details_matrix_row_fk
    FOREIGN KEY (compatibility_id) REFERENCES cross_platform_compatibility (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE compatibility_details ADD CONSTRAINT compatibility_details_validator_fk
    FOREIGN KEY (validator_id) REFERENCES validators (validator_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE compatibility_history ADD CONSTRAINT compatibility_history_model_fk
    FOREIGN KEY (model_id) REFERENCES models (model_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE hardware_recommendations ADD CONSTRAINT hardware_recommendations_model_fk
    FOREIGN KEY (model_id) REFERENCES models (model_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE app_users ADD CONSTRAINT app_users_validator_fk
    FOREIGN KEY (validator_id) REFERENCES validators (validator_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_user_fk
    FOREIGN KEY (user_id) REFERENCES app_users (user_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE validation_reviews ADD CONSTRAINT validation_reviews_model_fk
    FOREIGN KEY (model_id) REFERENCES models (model_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE validation_reviews ADD CONSTRAINT validation_reviews_validator_fk
    FOREIGN KEY (validator_id) REFERENCES validators (validator_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE automated_results ADD CONSTRAINT automated_results_model_fk
    FOREIGN KEY (model_id) REFERENCES models (model_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE automated_results ADD CONSTRAINT automated_results_validator_fk
    FOREIGN KEY (validator_id) REFERENCES validators (validator_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE performance_results ADD CONSTRAINT performance_results_model_fk
    FOREIGN KEY (model_id) REFERENCES models (model_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_validator_fk
    FOREIGN KEY (validator_id) REFERENCES validators (validator_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ingest_batches ADD CONSTRAINT ingest_batches_validator_fk
    FOREIGN KEY (validator_id) REFERENCES validators (validator_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE ingest_batches ADD CONSTRAINT ingest_batches_token_fk
    FOREIGN KEY (token_id) REFERENCES api_tokens (token_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE dispute_resolutions ADD CONSTRAINT dispute_resolutions_model_fk
    FOREIGN KEY (model_id) REFERENCES models (model_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE dispute_resolutions ADD CONSTRAINT dispute_resolutions_result_fk
    FOREIGN KEY (automated_result_id) REFERENCES automated_results (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE dispute_resolutions ADD CONSTRAINT dispute_resolutions_validator_fk
    FOREIGN KEY (validator_id) REFERENCES validators (validator_id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE validation_objections ADD CONSTRAINT validation_objections_review_fk
    FOREIGN KEY (review_id) REFERENCES validation_reviews (id) DEFERRABLE INITIALLY DEFERRED;

-- PostgreSQL indexes every primary key and unique key itself; the referencing columns not yet indexed get one.
CREATE INDEX automated_results_validator_idx ON automated_results (validator_id);
CREATE INDEX compatibility_details_validator_idx ON compatibility_details (validator_id);
