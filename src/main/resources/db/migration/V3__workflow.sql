-- Engine commands written in the same transaction as the case file and sent after commit,
-- so an instance start or a message is never lost when the engine is briefly unreachable.
CREATE TABLE workflow_commands (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind             VARCHAR(20)  NOT NULL,
  process_id       VARCHAR(100),
  message_name     VARCHAR(100),
  correlation_key  VARCHAR(200),
  message_id       VARCHAR(200),
  ttl_seconds      BIGINT,
  variables        LONGTEXT     NOT NULL,
  case_id          BIGINT,
  created_at       TIMESTAMP(6) NOT NULL,
  next_attempt_at  TIMESTAMP(6) NOT NULL,
  attempts         INT          NOT NULL DEFAULT 0,
  last_error       TEXT,
  sent_at          TIMESTAMP(6),
  CONSTRAINT ck_workflow_commands_kind CHECK (kind IN ('START_PROCESS', 'PUBLISH_MESSAGE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_workflow_commands_pending ON workflow_commands (sent_at, next_attempt_at);
