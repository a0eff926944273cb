-- Qualified invoices (適格請求書), credit notes (適格返還請求書), the no-charge notice, payers and billing
-- runs. fee_invoices (V40, numbered INV-<case number>) stays as read-only history: invoices issued
-- before qualified invoicing keep their number, and their statements are never invoiced again.

-- Who pays for a case: entered by the applicant in the portal, edited by finance in the console.
CREATE TABLE payers (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id           BIGINT        NOT NULL,
  institution_name  VARCHAR(200),
  department        VARCHAR(200),
  contact_name      VARCHAR(120),
  contact_email     VARCHAR(320),
  budget_code       VARCHAR(60),
  purchase_order    VARCHAR(60),
  billing_cycle     VARCHAR(10)   NOT NULL,
  updated_at        TIMESTAMP(6)  NOT NULL,
  updated_by        VARCHAR(320)  NOT NULL,
  CONSTRAINT uk_payers_case UNIQUE (case_id),
  CONSTRAINT fk_payers_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT ck_payers_cycle CHECK (billing_cycle IN ('PER_CASE', 'MONTHLY'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last number issued per issuer, year and series (INV, CN); its row is locked FOR UPDATE by the
-- issuing transaction, so numbers are gap-free and a rolled-back issue gives its number back.
CREATE TABLE invoice_counters (
  registration_number VARCHAR(14) NOT NULL,
  counter_year        INT         NOT NULL,
  series              VARCHAR(3)  NOT NULL,
  last_number         INT         NOT NULL,
  PRIMARY KEY (registration_number, counter_year, series),
  CONSTRAINT ck_invoice_counters_series CHECK (series IN ('INV', 'CN'))
) ENGINE=InnoDB;

CREATE TABLE billing_runs (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  billing_month   CHAR(7)       NOT NULL,
  cutoff_date     DATE          NOT NULL,
  started_by      VARCHAR(320)  NOT NULL,
  started_at      TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uk_billing_runs_month UNIQUE (billing_month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An issued invoice or credit note, with the issuer and recipient as printed: never updated.
CREATE TABLE invoices (
  id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
  invoice_number              VARCHAR(20)   NOT NULL,
  kind                        VARCHAR(12)   NOT NULL,
  corrects_invoice_id         BIGINT,
  reason                      VARCHAR(1000),
  billing_run_id              BIGINT,
  language                    VARCHAR(2)    NOT NULL,
  issued_on                   DATE          NOT NULL,
  issued_at                   TIMESTAMP(6)  NOT NULL,
  issued_by                   VARCHAR(320)  NOT NULL,
  transactions_from           DATE          NOT NULL,
  transactions_to             DATE          NOT NULL,
  issuer_name                 VARCHAR(200)  NOT NULL,
  issuer_registration_number  VARCHAR(14)   NOT NULL,
  issuer_address              VARCHAR(300)  NOT NULL,
  issuer_contact              VARCHAR(300)  NOT NULL,
  payer_name                  VARCHAR(200)  NOT NULL,
  payer_department            VARCHAR(200),
  contact_name                VARCHAR(120),
  contact_email               VARCHAR(320)  NOT NULL,
  budget_code                 VARCHAR(60),
  purchase_order              VARCHAR(60),
  subtotal_yen                BIGINT        NOT NULL,
  tax_yen                     BIGINT        NOT NULL,
  total_yen                   BIGINT        NOT NULL,
  CONSTRAINT uk_invoices_number UNIQUE (invoice_number),
  CONSTRAINT fk_invoices_corrects FOREIGN KEY (corrects_invoice_id) REFERENCES invoices (id),
  CONSTRAINT fk_invoices_run FOREIGN KEY (billing_run_id) REFERENCES billing_runs (id),
  CONSTRAINT ck_invoices_kind CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
  CONSTRAINT ck_invoices_credit CHECK ((kind = 'CREDIT_NOTE') = (corrects_invoice_id IS NOT NULL AND reason IS NOT NULL)),
  CONSTRAINT ck_invoices_total CHECK (total_yen = subtotal_yen + tax_yen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A credit note's line names the invoice line it reverses (credited_line_no); its amount is negative.
CREATE TABLE invoice_lines (
  invoice_id        BIGINT        NOT NULL,
  line_no           INT           NOT NULL,
  case_id           BIGINT        NOT NULL,
  case_number       VARCHAR(40)   NOT NULL,
  statement_id      BIGINT        NOT NULL,
  statement_version INT           NOT NULL,
  credited_line_no  INT,
  transaction_date  DATE          NOT NULL,
  description       VARCHAR(500)  NOT NULL,
  quantity          DECIMAL(14,4) NOT NULL,
  unit_price_yen    BIGINT        NOT NULL,
  amount_yen        BIGINT        NOT NULL,
  tax_class         VARCHAR(12)   NOT NULL,
  PRIMARY KEY (invoice_id, line_no),
  CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
  CONSTRAINT fk_invoice_lines_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT ck_invoice_lines_class CHECK (tax_class IN ('STANDARD', 'REDUCED', 'ZERO_RATED', 'EXEMPT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_invoice_lines_case ON invoice_lines (case_id);

-- The tax of each class, computed once on the class total of the document.
CREATE TABLE invoice_tax_totals (
  invoice_id    BIGINT        NOT NULL,
  tax_class     VARCHAR(12)   NOT NULL,
  rate          DECIMAL(6,4)  NOT NULL,
  taxable_yen   BIGINT        NOT NULL,
  tax_yen       BIGINT        NOT NULL,
  PRIMARY KEY (invoice_id, tax_class),
  CONSTRAINT fk_invoice_tax_totals_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
) ENGINE=InnoDB;

-- Which accepted statement an invoice bills: each statement once.
CREATE TABLE invoice_statements (
  statement_id      BIGINT        NOT NULL PRIMARY KEY,
  statement_version INT           NOT NULL,
  invoice_id        BIGINT        NOT NULL,
  CONSTRAINT fk_invoice_statements_statement FOREIGN KEY (statement_id) REFERENCES fee_statements (id),
  CONSTRAINT fk_invoice_statements_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
) ENGINE=InnoDB;

-- A case with nothing to pay (zero total, fully waived): the notice recorded once, numbered by the case.
CREATE TABLE invoice_no_charge_notices (
  case_id           BIGINT        NOT NULL PRIMARY KEY,
  statement_id      BIGINT        NOT NULL,
  statement_version INT           NOT NULL,
  language          VARCHAR(2)    NOT NULL,
  issued_on         DATE          NOT NULL,
  issued_at         TIMESTAMP(6)  NOT NULL,
  issuer_name                 VARCHAR(200)  NOT NULL,
  issuer_registration_number  VARCHAR(14)   NOT NULL,
  issuer_address              VARCHAR(300)  NOT NULL,
  issuer_contact              VARCHAR(300)  NOT NULL,
  recipient_name    VARCHAR(200)  NOT NULL,
  recipient_email   VARCHAR(320)  NOT NULL,
  CONSTRAINT fk_invoice_no_charge_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT fk_invoice_no_charge_statement FOREIGN KEY (statement_id) REFERENCES fee_statements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Accepted statements a run could not invoice because the payer was incomplete; the next run takes them.
CREATE TABLE billing_run_carried (
  billing_run_id  BIGINT        NOT NULL,
  case_id         BIGINT        NOT NULL,
  statement_id    BIGINT        NOT NULL,
  missing         VARCHAR(200)  NOT NULL,
  PRIMARY KEY (billing_run_id, case_id),
  CONSTRAINT fk_billing_run_carried_run FOREIGN KEY (billing_run_id) REFERENCES billing_runs (id),
  CONSTRAINT fk_billing_run_carried_case FOREIGN KEY (case_id) REFERENCES cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
