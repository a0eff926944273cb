-- Personal API tokens: the API's only credential. Only the SHA-256 of the secret is kept; the prefix
-- (the secret's first characters) lets the owner tell tokens apart without revealing them.
CREATE TABLE api_tokens (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_id   BIGINT       NOT NULL,
  name         VARCHAR(100) NOT NULL,
  prefix       VARCHAR(16)  NOT NULL,
  secret_hash  VARCHAR(64)  NOT NULL,
  created_at   TIMESTAMP(6) NOT NULL,
  expires_at   TIMESTAMP(6) NOT NULL,
  last_used_at TIMESTAMP(6) NULL,
  revoked_at   TIMESTAMP(6) NULL,
  CONSTRAINT uk_api_tokens_secret UNIQUE (secret_hash),
  CONSTRAINT fk_api_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_api_tokens_account ON api_tokens (account_id, created_at);
