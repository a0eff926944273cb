-- Datasets produced with the support: registered when an instrument session is recorded, deposited by
-- the applicant (one deposit row per submission, so a re-deposit after a send-back is a new version)
-- and reviewed by a data steward.
CREATE TABLE datasets (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id          BIGINT        NOT NULL,
  unit_code        VARCHAR(40)   NOT NULL,
  usage_record_id  BIGINT        NOT NULL,
  -- Position of the dataset in the recorded session's list: a repeated event creates nothing twice.
  item_no          INT           NOT NULL,
  title            VARCHAR(300)  NOT NULL,
  data_type        VARCHAR(100)  NOT NULL,
  size_gb          DECIMAL(14,3),
  status           VARCHAR(20)   NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  updated_at       TIMESTAMP(6)  NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT fk_datasets_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT uk_datasets_usage_item UNIQUE (usage_record_id, item_no),
  CONSTRAINT ck_datasets_status
    CHECK (status IN ('PENDING', 'AWAITING_DEPOSIT', 'DEPOSITED', 'SENT_BACK', 'VERIFIED', 'EXEMPTED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_datasets_case ON datasets (case_id, id);

CREATE TABLE deposits (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  dataset_id          BIGINT        NOT NULL,
  version_no          INT           NOT NULL,
  title               VARCHAR(300)  NOT NULL,
  description         TEXT          NOT NULL,
  licence             VARCHAR(20)   NOT NULL,
  embargo             VARCHAR(30)   NOT NULL,
  -- Set for until-publication (deposit date + the maximum hold); released automatically then.
  embargo_until       DATE,
  public_accession    VARCHAR(40),
  related_publication VARCHAR(300),
  file_count          INT           NOT NULL,
  total_bytes         BIGINT        NOT NULL,
  deposited_by        VARCHAR(320)  NOT NULL,
  deposited_at        TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_deposits_dataset FOREIGN KEY (dataset_id) REFERENCES datasets (id),
  CONSTRAINT uk_deposits_version UNIQUE (dataset_id, version_no),
  CONSTRAINT ck_deposits_licence CHECK (licence IN ('CC-BY-4.0', 'CC0-1.0', 'CC-BY-NC-4.0', 'restricted')),
  CONSTRAINT ck_deposits_embargo
    CHECK (embargo IN ('none', 'until-publication', 'until-patent-disclosure', 'restricted-confidential'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The file manifest of one deposit version, in the order the applicant gave it.
CREATE TABLE deposit_files (
  deposit_id  BIGINT        NOT NULL,
  seq         INT           NOT NULL,
  path        VARCHAR(1000) NOT NULL,
  size_bytes  BIGINT        NOT NULL,
  sha256      VARCHAR(64)   NOT NULL,
  PRIMARY KEY (deposit_id, seq),
  CONSTRAINT fk_deposit_files_deposit FOREIGN KEY (deposit_id) REFERENCES deposits (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A data steward's decision on a dataset, recorded once per job (the job key makes a repeat harmless).
CREATE TABLE dataset_reviews (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  dataset_id    BIGINT        NOT NULL,
  deposit_id    BIGINT,
  verification  VARCHAR(20)   NOT NULL,
  steward_note  TEXT,
  job_key       BIGINT        NOT NULL,
  reviewed_at   TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_dataset_reviews_dataset FOREIGN KEY (dataset_id) REFERENCES datasets (id),
  CONSTRAINT fk_dataset_reviews_deposit FOREIGN KEY (deposit_id) REFERENCES deposits (id),
  CONSTRAINT uk_dataset_reviews_job UNIQUE (job_key),
  CONSTRAINT ck_dataset_reviews_verification CHECK (verification IN ('verified', 'send-back', 'exempt'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_dataset_reviews_dataset ON dataset_reviews (dataset_id, id);
