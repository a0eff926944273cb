-- The case file: one row per research-support request, and its audit trail.
CREATE TABLE cases (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_number           VARCHAR(40)  NOT NULL,
  account_id            BIGINT       NOT NULL,
  applicant_name        VARCHAR(200) NOT NULL,
  affiliation           VARCHAR(300) NOT NULL,
  email                 VARCHAR(320) NOT NULL,
  applicant_category    VARCHAR(20)  NOT NULL,
  language              VARCHAR(5)   NOT NULL,
  title                 VARCHAR(200) NOT NULL,
  summary               TEXT         NOT NULL,
  aims                  TEXT         NOT NULL,
  targets               TEXT,
  requested_services    VARCHAR(1000) NOT NULL DEFAULT '',
  desired_start         DATE,
  desired_end           DATE,
  confidentiality       VARCHAR(20)  NOT NULL,
  fast_track_reason     TEXT,
  data_policy_accepted_at TIMESTAMP(6) NOT NULL,
  status                VARCHAR(40)  NOT NULL,
  process_instance_key  BIGINT,
  submitted_at          TIMESTAMP(6) NOT NULL,
  updated_at            TIMESTAMP(6) NOT NULL,
  version               BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uk_cases_number UNIQUE (case_number),
  CONSTRAINT fk_cases_account FOREIGN KEY (account_id) REFERENCES accounts (id),
  CONSTRAINT ck_cases_category CHECK (applicant_category IN ('academic', 'public', 'industry')),
  CONSTRAINT ck_cases_confidentiality CHECK (confidentiality IN ('open', 'patent-pending', 'confidential'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_cases_account ON cases (account_id, submitted_at);
CREATE INDEX ix_cases_status ON cases (status);

-- Case numbers are PREFIX-YEAR-SEQUENCE; the sequence restarts each year.
CREATE TABLE case_number_sequences (
  prefix_year VARCHAR(40) PRIMARY KEY,
  last_value  INT NOT NULL
) ENGINE=InnoDB;

-- Who did what to a case, when: the applicant's timeline and the staff's audit trail.
CREATE TABLE case_events (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id     BIGINT       NOT NULL,
  occurred_at TIMESTAMP(6) NOT NULL,
  actor       VARCHAR(320) NOT NULL,
  action      VARCHAR(60)  NOT NULL,
  detail      TEXT,
  -- Set when a worker records the event, so a repeated job does not record it twice.
  dedupe_key  VARCHAR(200),
  CONSTRAINT fk_case_events_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT uk_case_events_dedupe UNIQUE (dedupe_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_case_events_case ON case_events (case_id, occurred_at);
