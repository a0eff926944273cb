-- Fee documents as PDF, kept as first rendered: a document is rendered once and served from here ever after.
-- reference: the invoice, credit-note or case number of a billing document; "<statement id>-v<version>" of a statement.
CREATE TABLE fee_pdf_archive (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind        VARCHAR(20)  NOT NULL,
  reference   VARCHAR(64)  NOT NULL,
  language    VARCHAR(2)   NOT NULL,
  file_name   VARCHAR(120) NOT NULL,
  sha256      CHAR(64)     NOT NULL,
  size_bytes  INT          NOT NULL,
  content     LONGBLOB     NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT uk_fee_pdf_archive_document UNIQUE (kind, reference, language),
  CONSTRAINT ck_fee_pdf_archive_kind CHECK (kind IN ('STATEMENT', 'INVOICE', 'CREDIT_NOTE', 'NO_CHARGE_NOTICE')),
  CONSTRAINT ck_fee_pdf_archive_language CHECK (language IN ('ja', 'en'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
