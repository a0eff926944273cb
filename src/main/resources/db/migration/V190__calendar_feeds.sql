-- Secret addresses of the iCalendar feeds: an applicant's sessions, an operator's sessions, an
-- instrument's bookings. Only the SHA-256 of the secret is kept; rotating a feed replaces it in place,
-- so the previous address stops answering at once. One feed per owner.
CREATE TABLE calendar_feeds (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind           VARCHAR(20)  NOT NULL,
  account_id     BIGINT       NULL,
  instrument_id  BIGINT       NULL,
  token_hash     CHAR(64)     NOT NULL,
  -- The language of the feed's texts: its owner's, or for an instrument whoever issued it last.
  language       VARCHAR(5)   NOT NULL,
  issued_at      TIMESTAMP(6) NOT NULL,
  issued_by      VARCHAR(320) NOT NULL,
  CONSTRAINT uk_calendar_feeds_token UNIQUE (token_hash),
  CONSTRAINT uk_calendar_feeds_account UNIQUE (kind, account_id),
  CONSTRAINT uk_calendar_feeds_instrument UNIQUE (instrument_id),
  CONSTRAINT fk_calendar_feeds_account FOREIGN KEY (account_id) REFERENCES accounts (id),
  CONSTRAINT fk_calendar_feeds_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT ck_calendar_feeds_owner CHECK (
    (kind IN ('APPLICANT', 'OPERATOR') AND account_id IS NOT NULL AND instrument_id IS NULL)
    OR (kind = 'INSTRUMENT' AND instrument_id IS NOT NULL AND account_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
