-- The desk's decisions on a case, one per completed consultation task.
CREATE TABLE consultation_decisions (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id              BIGINT       NOT NULL,
  element_instance_key BIGINT       NOT NULL,
  outcome              VARCHAR(20)  NOT NULL,
  planned_units        VARCHAR(500) NOT NULL DEFAULT '',
  support_plan         TEXT,
  info_request         TEXT,
  decline_reason       TEXT,
  decided_at           TIMESTAMP(6) NOT NULL,
  CONSTRAINT uk_consultation_decisions_element UNIQUE (element_instance_key),
  CONSTRAINT fk_consultation_decisions_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT ck_consultation_outcome CHECK (outcome IN ('accept', 'request-info', 'decline'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_consultation_decisions_case ON consultation_decisions (case_id, decided_at);

-- Questions the desk asked the applicant, and the applicant's answers.
CREATE TABLE information_requests (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id              BIGINT       NOT NULL,
  element_instance_key BIGINT       NOT NULL,
  question             TEXT         NOT NULL,
  requested_at         TIMESTAMP(6) NOT NULL,
  reply                TEXT,
  replied_at           TIMESTAMP(6),
  CONSTRAINT uk_information_requests_element UNIQUE (element_instance_key),
  CONSTRAINT fk_information_requests_case FOREIGN KEY (case_id) REFERENCES cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_information_requests_case ON information_requests (case_id, requested_at);
