-- Statement versions: version 1 is the assessment, each revision or waiver by staff adds one. The lines of
-- every version are kept (fee_lines.version_no); a version's lines never change once another follows it.
ALTER TABLE fee_statements
  ADD COLUMN current_version INT NOT NULL DEFAULT 1,
  -- The version last sent to the applicant (what the applicant sees and answers); null until sent.
  ADD COLUMN issued_version INT;
UPDATE fee_statements SET issued_version = 1 WHERE issued_at IS NOT NULL;

CREATE TABLE fee_statement_versions (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  statement_id     BIGINT        NOT NULL,
  version_no       INT           NOT NULL,
  subtotal_yen     BIGINT        NOT NULL,
  tax_yen          BIGINT        NOT NULL,
  total_yen        BIGINT        NOT NULL,
  -- The tax setting the totals were computed with, so an old version reads as it was sent.
  standard_tax_rate DECIMAL(6,4) NOT NULL,
  reduced_tax_rate DECIMAL(6,4)  NOT NULL,
  tax_rounding     VARCHAR(10)   NOT NULL,
  -- The fee table that priced the usage lines ("fee-schedule v" + the engine's version + " (" + a version tag
  -- of up to 100 characters + ")"); null when unknown.
  fee_schedule     VARCHAR(130),
  created_by       VARCHAR(200)  NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  -- Why staff made this version (every change's reason); null for the assessment.
  reason           VARCHAR(2000),
  -- The statement's status when the next version replaced this one; null while it is current.
  superseded_in    VARCHAR(20),
  CONSTRAINT uk_fee_statement_versions UNIQUE (statement_id, version_no),
  CONSTRAINT fk_fee_statement_versions_statement FOREIGN KEY (statement_id) REFERENCES fee_statements (id),
  CONSTRAINT ck_fee_statement_versions_total CHECK (subtotal_yen >= 0 AND total_yen = subtotal_yen + tax_yen),
  CONSTRAINT ck_fee_statement_versions_rounding CHECK (tax_rounding IN ('FLOOR', 'HALF_UP', 'CEILING'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What changed in a version, line by line (a removed line is no longer among the version's lines).
CREATE TABLE fee_statement_changes (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  version_id       BIGINT        NOT NULL,
  line_no          INT           NOT NULL,
  change_kind      VARCHAR(10)   NOT NULL,
  reason           VARCHAR(500)  NOT NULL,
  CONSTRAINT fk_fee_statement_changes_version FOREIGN KEY (version_id) REFERENCES fee_statement_versions (id),
  CONSTRAINT ck_fee_statement_changes_kind CHECK (change_kind IN ('CHANGED', 'ADDED', 'REMOVED', 'WAIVED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_fee_statement_changes ON fee_statement_changes (version_id, line_no);

ALTER TABLE fee_lines
  ADD COLUMN version_no INT NOT NULL DEFAULT 1 AFTER statement_id,
  ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'USAGE' AFTER line_no,
  ADD COLUMN tax_class VARCHAR(12) NOT NULL DEFAULT 'STANDARD',
  ADD COLUMN transaction_date DATE,
  ADD COLUMN change_reason VARCHAR(500),
  ADD COLUMN granted_by VARCHAR(200),
  MODIFY COLUMN usage_item_id BIGINT NULL,
  DROP CONSTRAINT ck_fee_lines_amount;
ALTER TABLE fee_lines
  ADD CONSTRAINT ck_fee_lines_amount CHECK (amount_yen >= 0 OR kind = 'WAIVER'),
  ADD CONSTRAINT ck_fee_lines_waiver CHECK (kind <> 'WAIVER' OR (amount_yen <= 0 AND granted_by IS NOT NULL AND change_reason IS NOT NULL)),
  ADD CONSTRAINT ck_fee_lines_kind CHECK (kind IN ('USAGE', 'ADJUSTMENT', 'WAIVER')),
  ADD CONSTRAINT ck_fee_lines_tax_class CHECK (tax_class IN ('STANDARD', 'REDUCED', 'ZERO_RATED', 'EXEMPT')),
  ADD CONSTRAINT ck_fee_lines_usage CHECK (usage_item_id IS NOT NULL OR kind <> 'USAGE'),
  ADD CONSTRAINT uk_fee_lines_version_line UNIQUE (statement_id, version_no, line_no);

-- Statements assessed before versions existed are their version 1.
INSERT INTO fee_statement_versions
  (statement_id, version_no, subtotal_yen, tax_yen, total_yen, standard_tax_rate, reduced_tax_rate, tax_rounding, created_by, created_at)
SELECT id, 1, subtotal_yen, tax_yen, total_yen, tax_rate, 0.08, 'FLOOR', 'system', assessed_at FROM fee_statements;
