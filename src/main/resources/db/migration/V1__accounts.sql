CREATE TABLE accounts (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(320) NOT NULL,
  password_hash VARCHAR(200) NOT NULL,
  display_name  VARCHAR(200) NOT NULL,
  language      VARCHAR(5)   NOT NULL DEFAULT 'ja',
  roles         VARCHAR(200) NOT NULL,
  created_at    TIMESTAMP(6) NOT NULL,
  CONSTRAINT uk_accounts_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
