-- Test classpath only (tests, the embedded local run, the benchmark): the table of TestParcel, an
-- outbox kind no feature relays, on which OutboxRelayIT drives the relay with its own clock and courier.
CREATE TABLE IF NOT EXISTS test_parcels (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  label           VARCHAR(100) NOT NULL,
  created_at      TIMESTAMP(6) NOT NULL,
  next_attempt_at TIMESTAMP(6) NOT NULL,
  attempts        INT          NOT NULL DEFAULT 0,
  last_error      TEXT,
  claimed_by      VARCHAR(36),
  sent_at         TIMESTAMP(6) NULL,
  dead_at         TIMESTAMP(6) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
