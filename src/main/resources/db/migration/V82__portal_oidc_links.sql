-- OpenID Connect sign-in: which identity (issuer + subject) of an institution's IdP belongs to which account.
CREATE TABLE portal_oidc_links (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  issuer      VARCHAR(400) NOT NULL,
  subject     VARCHAR(255) NOT NULL,
  account_id  BIGINT       NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  CONSTRAINT uk_portal_oidc_links_identity UNIQUE (issuer, subject),
  CONSTRAINT fk_portal_oidc_links_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_portal_oidc_links_account ON portal_oidc_links (account_id);
