-- Mail is rendered and queued in the transaction that decides to send it, and sent after commit.
CREATE TABLE mail_outbox (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  dedupe_key      VARCHAR(200) NOT NULL,
  case_id         BIGINT,
  recipient       VARCHAR(320) NOT NULL,
  language        VARCHAR(5)   NOT NULL,
  template        VARCHAR(100) NOT NULL,
  subject         VARCHAR(500) NOT NULL,
  body            TEXT         NOT NULL,
  created_at      TIMESTAMP(6) NOT NULL,
  next_attempt_at TIMESTAMP(6) NOT NULL,
  attempts        INT          NOT NULL DEFAULT 0,
  last_error      TEXT,
  sent_at         TIMESTAMP(6),
  CONSTRAINT uk_mail_outbox_dedupe UNIQUE (dedupe_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_mail_outbox_pending ON mail_outbox (sent_at, next_attempt_at);
CREATE INDEX ix_mail_outbox_case ON mail_outbox (case_id, created_at);
