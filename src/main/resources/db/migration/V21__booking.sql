-- Instrument bookings and the usage recorded in the sessions.

-- One row per reservation made by the booking.reserve job of a unit-support instance.
CREATE TABLE bookings (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id               BIGINT       NOT NULL,
  unit_code             VARCHAR(40)  NOT NULL,
  instrument_id         BIGINT       NOT NULL,
  process_instance_key  BIGINT       NOT NULL,
  -- The ReserveInstrument element instance whose job made the booking: a repeated job finds it here.
  element_instance_key  BIGINT       NOT NULL,
  requested_hours       DECIMAL(7,2) NOT NULL,
  slot_start            TIMESTAMP(6) NOT NULL,
  slot_end              TIMESTAMP(6) NOT NULL,
  status                VARCHAR(20)  NOT NULL,
  created_at            TIMESTAMP(6) NOT NULL,
  updated_at            TIMESTAMP(6) NOT NULL,
  version               BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uk_bookings_element_instance UNIQUE (element_instance_key),
  CONSTRAINT fk_bookings_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT fk_bookings_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT ck_bookings_status CHECK (status IN ('RESERVED', 'COMPLETED', 'CANCELLED')),
  CONSTRAINT ck_bookings_period CHECK (slot_end > slot_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_bookings_case ON bookings (case_id, status);
CREATE INDEX ix_bookings_instance ON bookings (process_instance_key, status);

-- The no-double-booking guarantee, enforced by the database: time is cut into 30-minute slots aligned
-- to :00 and :30, a booking inserts one row per slot it covers in its own transaction, and the primary
-- key lets only one booking hold a slot of an instrument. Releasing a booking deletes its rows.
CREATE TABLE booking_slots (
  instrument_id  BIGINT    NOT NULL,
  slot_start     TIMESTAMP NOT NULL,
  booking_id     BIGINT    NOT NULL,
  PRIMARY KEY (instrument_id, slot_start),
  CONSTRAINT fk_booking_slots_booking FOREIGN KEY (booking_id) REFERENCES bookings (id),
  CONSTRAINT fk_booking_slots_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT ck_booking_slots_grid CHECK (MINUTE(slot_start) IN (0, 30) AND SECOND(slot_start) = 0)
) ENGINE=InnoDB;
CREATE INDEX ix_booking_slots_booking ON booking_slots (booking_id);

-- What an instrument session used, recorded once per booking.
CREATE TABLE usage_records (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  booking_id      BIGINT       NOT NULL,
  case_id         BIGINT       NOT NULL,
  unit_code       VARCHAR(40)  NOT NULL,
  instrument_id   BIGINT       NOT NULL,
  actual_hours    DECIMAL(7,2) NOT NULL,
  eln_reference   VARCHAR(500),
  session_notes   TEXT,
  dataset_count   INT          NOT NULL,
  recorded_at     TIMESTAMP(6) NOT NULL,
  CONSTRAINT uk_usage_records_booking UNIQUE (booking_id),
  CONSTRAINT fk_usage_records_booking FOREIGN KEY (booking_id) REFERENCES bookings (id),
  CONSTRAINT fk_usage_records_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT ck_usage_records_hours CHECK (actual_hours >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_usage_records_case ON usage_records (case_id);

-- Chargeable lines of a session: instrument upkeep, operator time, reagents and consumables.
CREATE TABLE usage_items (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  usage_record_id   BIGINT        NOT NULL,
  line_no           INT           NOT NULL,
  case_id           BIGINT        NOT NULL,
  unit_code         VARCHAR(40)   NOT NULL,
  instrument_class  VARCHAR(40)   NOT NULL,
  item_kind         VARCHAR(30)   NOT NULL,
  description       VARCHAR(300)  NOT NULL,
  quantity          DECIMAL(12,3) NOT NULL,
  unit_cost_yen     BIGINT        NOT NULL,
  CONSTRAINT uk_usage_items_line UNIQUE (usage_record_id, line_no),
  CONSTRAINT fk_usage_items_record FOREIGN KEY (usage_record_id) REFERENCES usage_records (id),
  CONSTRAINT ck_usage_items_kind CHECK (item_kind IN ('instrument-upkeep', 'operator-time', 'reagent', 'consumable')),
  CONSTRAINT ck_usage_items_amounts CHECK (quantity >= 0 AND unit_cost_yen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_usage_items_case ON usage_items (case_id, usage_record_id, line_no);
