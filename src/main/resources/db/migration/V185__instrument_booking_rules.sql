-- Booking rules per instrument, for slots chosen by people (coordinator, applicant, trained self-user).
-- Grid and durations are read in facility time (madoguchi.time-zone); instants stay UTC.
ALTER TABLE instruments
  -- Sessions start and end on this grid, counted from local midnight. A multiple of the 30-minute
  -- cell of booking_slots, so every grid point is a cell boundary the database guarantee covers.
  ADD COLUMN booking_granularity_minutes INT NOT NULL DEFAULT 30,
  ADD COLUMN min_session_minutes         INT NOT NULL DEFAULT 30,
  ADD COLUMN max_session_minutes         INT NOT NULL DEFAULT 1440,
  -- How many hours before its start a session can be booked at the latest.
  ADD COLUMN lead_time_hours             INT NOT NULL DEFAULT 24,
  -- A cancellation within this many hours of the start counts as late.
  ADD COLUMN late_cancellation_hours     INT NOT NULL DEFAULT 48,
  ADD CONSTRAINT ck_instruments_granularity
    CHECK (booking_granularity_minutes BETWEEN 30 AND 1440 AND MOD(booking_granularity_minutes, 30) = 0),
  ADD CONSTRAINT ck_instruments_session_length
    CHECK (min_session_minutes > 0 AND max_session_minutes >= min_session_minutes),
  ADD CONSTRAINT ck_instruments_notice_hours CHECK (lead_time_hours >= 0 AND late_cancellation_hours >= 0);

-- Long unattended collections (cryo-EM datasets, beamtime, neutron runs, compute jobs) run for days.
UPDATE instruments SET max_session_minutes = 4320, booking_granularity_minutes = 60
  WHERE instrument_class IN ('cryo-em', 'xray', 'neutron', 'compute-cluster');

-- A booking made by a person has no engine instance behind it; it names who booked it instead (the audit actor form, as case_events.actor).
ALTER TABLE bookings
  MODIFY process_instance_key BIGINT NULL,
  MODIFY element_instance_key BIGINT NULL,
  ADD COLUMN booked_by VARCHAR(320) NULL;
