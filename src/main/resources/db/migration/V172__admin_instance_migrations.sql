-- Each running instance an administrator moved (or tried to move) to another version of its process.
CREATE TABLE model_instance_migrations (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  process_instance_key BIGINT       NOT NULL,
  bpmn_process_id     VARCHAR(255)  NOT NULL,
  from_definition_key BIGINT        NOT NULL,
  from_version        INT           NOT NULL,
  to_definition_key   BIGINT        NOT NULL,
  to_version          INT           NOT NULL,
  migrated_by         VARCHAR(320)  NOT NULL,
  migrated_at         TIMESTAMP(6)  NOT NULL,
  outcome             VARCHAR(20)   NOT NULL,
  message             VARCHAR(4000) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_model_instance_migrations_instance ON model_instance_migrations (process_instance_key);
