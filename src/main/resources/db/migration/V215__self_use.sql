-- Self-use booking by trained applicants (booking.SelfUseBookings).

-- An instrument's self-use rules, set on its catalogue page; no row: self-use not allowed.
CREATE TABLE instrument_self_use (
  instrument_id            BIGINT       PRIMARY KEY,
  allowed                  BOOLEAN      NOT NULL,
  -- Self-use sessions one applicant may book on the instrument in one week (Monday to Sunday, facility time).
  max_bookings_per_week    INT          NOT NULL,
  -- Self-use hours one case may book on the instrument in all.
  quota_hours_per_case     INT          NOT NULL,
  updated_by               VARCHAR(320) NOT NULL,
  updated_at               TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_instrument_self_use_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT ck_instrument_self_use_week CHECK (max_bookings_per_week BETWEEN 1 AND 50),
  CONSTRAINT ck_instrument_self_use_quota CHECK (quota_hours_per_case BETWEEN 1 AND 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An applicant's qualification to run an instrument alone. It lapses after
-- madoguchi.booking.self-use.expires-after without a self-use booking (counted from last_used_on, or
-- granted_on if never used); a revoked one keeps its row (who and when) until granted again.
CREATE TABLE self_use_qualifications (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  instrument_id  BIGINT       NOT NULL,
  account_id     BIGINT       NOT NULL,
  granted_by     VARCHAR(320) NOT NULL,
  granted_on     DATE         NOT NULL,
  last_used_on   DATE,
  revoked_by     VARCHAR(320),
  revoked_on     DATE,
  CONSTRAINT uk_self_use_qualifications UNIQUE (instrument_id, account_id),
  CONSTRAINT fk_self_use_qualifications_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT fk_self_use_qualifications_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which bookings were booked as self-use, by whom: what the weekly count and the case quota add up.
CREATE TABLE self_use_bookings (
  booking_id     BIGINT PRIMARY KEY,
  account_id     BIGINT NOT NULL,
  case_id        BIGINT NOT NULL,
  instrument_id  BIGINT NOT NULL,
  CONSTRAINT fk_self_use_bookings_booking FOREIGN KEY (booking_id) REFERENCES bookings (id),
  KEY ix_self_use_bookings_account (account_id, instrument_id),
  KEY ix_self_use_bookings_case (case_id, instrument_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
