-- Disagreements between a case's record and the engine found by the reconciliation job.
-- rule: which check found it; subject: what it is about (a command, a message), so one disagreement is
-- flagged once; resolved_at: set when a later run finds the disagreement gone.
CREATE TABLE case_flags (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT       NOT NULL,
  rule         VARCHAR(40)  NOT NULL,
  subject      VARCHAR(320) NOT NULL,
  reason       VARCHAR(2000) NOT NULL,
  flagged_at   TIMESTAMP(6) NOT NULL,
  resolved_at  TIMESTAMP(6) NULL,
  CONSTRAINT fk_case_flags_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT uq_case_flags_subject UNIQUE (case_id, rule, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_case_flags_open ON case_flags (resolved_at, case_id);
