-- What came of the support: papers, patents and drug-discovery seeds the applicant reports,
-- grouped by the report they arrived in (at closure or at the follow-up).
CREATE TABLE outcome_reports (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT        NOT NULL,
  notes        TEXT,
  reported_at  TIMESTAMP(6)  NOT NULL,
  reported_by  VARCHAR(320)  NOT NULL,
  CONSTRAINT fk_outcome_reports_case FOREIGN KEY (case_id) REFERENCES cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_outcome_reports_case ON outcome_reports (case_id, id);

CREATE TABLE outcomes (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id             BIGINT        NOT NULL,
  report_id           BIGINT        NOT NULL,
  kind                VARCHAR(10)   NOT NULL,
  -- paper: doi (stored lower-case; DOIs are case-insensitive)
  doi                 VARCHAR(300),
  -- patent: application number
  application_number  VARCHAR(100),
  -- seed: what was found
  description         TEXT,
  title               VARCHAR(500),
  -- seed: hit, lead, candidate or clinical (optional on the form)
  stage               VARCHAR(20),
  reported_at         TIMESTAMP(6)  NOT NULL,
  reported_by         VARCHAR(320)  NOT NULL,
  CONSTRAINT fk_outcomes_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT fk_outcomes_report FOREIGN KEY (report_id) REFERENCES outcome_reports (id),
  CONSTRAINT uk_outcomes_doi UNIQUE (case_id, doi),
  CONSTRAINT uk_outcomes_application UNIQUE (case_id, application_number),
  CONSTRAINT ck_outcomes_kind CHECK (kind IN ('paper', 'patent', 'seed')),
  CONSTRAINT ck_outcomes_stage CHECK (stage IS NULL OR stage IN ('hit', 'lead', 'candidate', 'clinical')),
  CONSTRAINT ck_outcomes_fields CHECK (
    (kind = 'paper' AND doi IS NOT NULL)
    OR (kind = 'patent' AND application_number IS NOT NULL)
    OR (kind = 'seed' AND description IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_outcomes_kind ON outcomes (kind, reported_at);
