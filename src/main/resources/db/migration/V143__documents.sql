-- Documents attached to a case. The content lives beside its metadata, in 1 MiB chunks, so that a
-- document and its content commit (or roll back) together, go into the same backup, and no single
-- statement comes near max_allowed_packet (docs/documents.md).
CREATE TABLE documents (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id      BIGINT        NOT NULL,
  attached_to  VARCHAR(24)   NOT NULL,
  file_name    VARCHAR(200)  NOT NULL,
  content_type VARCHAR(100)  NOT NULL,
  size_bytes   BIGINT        NOT NULL,
  sha256       VARCHAR(64)   NOT NULL,
  attached_by  VARCHAR(400)  NOT NULL,
  attached_at  TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_documents_case FOREIGN KEY (case_id) REFERENCES cases (id),
  INDEX ix_documents_case (case_id, attached_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE document_chunks (
  document_id BIGINT     NOT NULL,
  seq         INT        NOT NULL,
  data        MEDIUMBLOB NOT NULL,
  PRIMARY KEY (document_id, seq),
  CONSTRAINT fk_document_chunks_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE
) ENGINE=InnoDB;
