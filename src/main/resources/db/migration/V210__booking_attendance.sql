-- Cancellation and no-show policy: who cancelled a booking and whether it was late (within the
-- instrument's late_cancellation_hours of the start), who checked the session in, and who recorded a
-- no-show. A no-show booking frees its slots like a cancelled one, so the time can be booked again.
ALTER TABLE bookings
  ADD COLUMN cancelled_at      TIMESTAMP(6) NULL,
  ADD COLUMN cancelled_by      VARCHAR(320) NULL,
  ADD COLUMN late_cancellation BOOLEAN      NOT NULL DEFAULT FALSE,
  ADD COLUMN checked_in_at     TIMESTAMP(6) NULL,
  ADD COLUMN checked_in_by     VARCHAR(320) NULL,
  ADD COLUMN no_show_at        TIMESTAMP(6) NULL,
  ADD COLUMN no_show_by        VARCHAR(320) NULL,
  DROP CONSTRAINT ck_bookings_status,
  ADD CONSTRAINT ck_bookings_status CHECK (status IN ('RESERVED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
  ADD CONSTRAINT ck_bookings_no_show_not_checked_in CHECK (no_show_at IS NULL OR checked_in_at IS NULL);
CREATE INDEX ix_bookings_instrument_period ON bookings (instrument_id, slot_start, slot_end);

-- A late cancellation or a no-show is a chargeable line of its own kind, written once per booking: it has
-- no session record (usage_record_id is null) and names its booking instead. The fee schedule prices it.
ALTER TABLE usage_items
  MODIFY usage_record_id BIGINT NULL,
  ADD COLUMN booking_id BIGINT NULL,
  DROP CONSTRAINT ck_usage_items_kind,
  ADD CONSTRAINT ck_usage_items_kind
    CHECK (item_kind IN ('instrument-upkeep', 'operator-time', 'reagent', 'consumable', 'late-cancellation', 'no-show')),
  ADD CONSTRAINT ck_usage_items_source CHECK ((usage_record_id IS NULL) <> (booking_id IS NULL)),
  ADD CONSTRAINT uk_usage_items_booking UNIQUE (booking_id),
  ADD CONSTRAINT fk_usage_items_booking FOREIGN KEY (booking_id) REFERENCES bookings (id);
