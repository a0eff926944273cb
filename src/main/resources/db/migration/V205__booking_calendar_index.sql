-- Calendars read an instrument's bookings by time (a week or a day at a time).
CREATE INDEX ix_bookings_instrument_time ON bookings (instrument_id, slot_start);
