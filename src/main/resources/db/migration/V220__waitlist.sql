-- Requests waiting for a released slot when the unit's earliest-slot booking found none in their window.
-- Served first come, first served (by id): a freed period goes to the first WAITING entry it fits.
CREATE TABLE waitlist_entries (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id               BIGINT        NOT NULL,
  unit_code             VARCHAR(40)   NOT NULL,
  instrument_class      VARCHAR(40)   NULL,
  requested_hours       DECIMAL(7,2)  NOT NULL,
  window_start          TIMESTAMP(6)  NOT NULL,
  window_end            TIMESTAMP(6)  NOT NULL,
  process_instance_key  BIGINT        NOT NULL,
  -- The JoinWaitlist element instance: entering the wait again (a repeated job) finds the same entry.
  element_instance_key  BIGINT        NOT NULL,
  state                 VARCHAR(20)   NOT NULL,
  booking_id            BIGINT        NULL,
  created_at            TIMESTAMP(6)  NOT NULL,
  updated_at            TIMESTAMP(6)  NOT NULL,
  version               BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT uk_waitlist_entries_element UNIQUE (element_instance_key),
  CONSTRAINT fk_waitlist_entries_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT fk_waitlist_entries_booking FOREIGN KEY (booking_id) REFERENCES bookings (id),
  CONSTRAINT ck_waitlist_entries_state CHECK (state IN ('WAITING', 'BOOKED', 'EXPIRED')),
  CONSTRAINT ck_waitlist_entries_window CHECK (window_end > window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_waitlist_entries_waiting ON waitlist_entries (unit_code, state, id);
CREATE INDEX ix_waitlist_entries_process ON waitlist_entries (process_instance_key, state);
