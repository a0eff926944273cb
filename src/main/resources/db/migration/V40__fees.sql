-- Fee assessment: one fee statement per case (its lines are replaced if the case is re-assessed before
-- the applicant accepts), the applicant's response, and the invoice issued once it is accepted.
CREATE TABLE fee_statements (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id          BIGINT        NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  currency         VARCHAR(3)    NOT NULL DEFAULT 'JPY',
  subtotal_yen     BIGINT        NOT NULL,
  tax_rate         DECIMAL(6,4)  NOT NULL,
  tax_yen          BIGINT        NOT NULL,
  total_yen        BIGINT        NOT NULL,
  finance_note     TEXT,
  dispute_reason   TEXT,
  -- How often the statement was sent (again after a dispute) and answered: part of mail and message ids.
  issue_count      INT           NOT NULL DEFAULT 0,
  response_count   INT           NOT NULL DEFAULT 0,
  -- The send-statement job that last issued it, so a retried job does not send it again.
  issued_job_key   BIGINT,
  assessed_at      TIMESTAMP(6)  NOT NULL,
  issued_at        TIMESTAMP(6),
  responded_at     TIMESTAMP(6),
  version          BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT uk_fee_statements_case UNIQUE (case_id),
  CONSTRAINT fk_fee_statements_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT ck_fee_statements_status CHECK (status IN ('DRAFT', 'NO_CHARGE', 'ISSUED', 'ACCEPTED', 'DISPUTED')),
  CONSTRAINT ck_fee_statements_amounts CHECK (subtotal_yen >= 0 AND tax_yen >= 0 AND total_yen = subtotal_yen + tax_yen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE fee_lines (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  statement_id     BIGINT        NOT NULL,
  line_no          INT           NOT NULL,
  usage_item_id    BIGINT        NOT NULL,
  description      VARCHAR(500),
  instrument_class VARCHAR(60),
  item_kind        VARCHAR(40)   NOT NULL,
  quantity         DECIMAL(14,4) NOT NULL,
  unit_cost_yen    BIGINT        NOT NULL,
  charge_rate      DECIMAL(9,6)  NOT NULL,
  rule_name        VARCHAR(200)  NOT NULL,
  amount_yen       BIGINT        NOT NULL,
  CONSTRAINT fk_fee_lines_statement FOREIGN KEY (statement_id) REFERENCES fee_statements (id),
  CONSTRAINT ck_fee_lines_rate CHECK (charge_rate BETWEEN 0 AND 1),
  CONSTRAINT ck_fee_lines_amount CHECK (amount_yen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_fee_lines_statement ON fee_lines (statement_id, line_no);

CREATE TABLE fee_invoices (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  invoice_number   VARCHAR(60)   NOT NULL,
  case_id          BIGINT        NOT NULL,
  statement_id     BIGINT        NOT NULL,
  subtotal_yen     BIGINT        NOT NULL,
  tax_yen          BIGINT        NOT NULL,
  total_yen        BIGINT        NOT NULL,
  issued_at        TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uk_fee_invoices_number UNIQUE (invoice_number),
  CONSTRAINT uk_fee_invoices_case UNIQUE (case_id),
  CONSTRAINT uk_fee_invoices_statement UNIQUE (statement_id),
  CONSTRAINT fk_fee_invoices_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT fk_fee_invoices_statement FOREIGN KEY (statement_id) REFERENCES fee_statements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
