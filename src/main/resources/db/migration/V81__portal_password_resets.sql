-- Password reset by mail: one-time links valid for an hour; only a hash of the token is stored.
-- used_at of the newest used link is when the password last changed (sessions signed in before it end).
CREATE TABLE portal_password_resets (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_id  BIGINT       NOT NULL,
  token_hash  VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  expires_at  TIMESTAMP(6) NOT NULL,
  used_at     TIMESTAMP(6),
  CONSTRAINT uk_portal_password_resets_token UNIQUE (token_hash),
  CONSTRAINT fk_portal_password_resets_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_portal_password_resets_account ON portal_password_resets (account_id, created_at);
