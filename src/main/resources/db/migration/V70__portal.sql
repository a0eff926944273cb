-- The applicant portal: self-service sign-up proves the e-mail address before the account can sign in.
ALTER TABLE accounts ADD COLUMN verified_at TIMESTAMP(6) NULL;
-- Accounts that existed before sign-up verification (seeded, created by administrators) count as verified.
UPDATE accounts SET verified_at = created_at WHERE verified_at IS NULL;

-- One-time links sent by mail; only a hash of the token is stored.
CREATE TABLE portal_email_verifications (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_id  BIGINT       NOT NULL,
  token_hash  VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  expires_at  TIMESTAMP(6) NOT NULL,
  used_at     TIMESTAMP(6),
  CONSTRAINT uk_portal_email_verifications_token UNIQUE (token_hash),
  CONSTRAINT fk_portal_email_verifications_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_portal_email_verifications_account ON portal_email_verifications (account_id);
