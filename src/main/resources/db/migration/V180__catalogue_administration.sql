-- Catalogue administration: operators' qualifications, kinds of maintenance windows, facility closures
-- and the audit of every change made to the catalogue.

-- Planned maintenance, or downtime nobody planned (a breakdown); both block bookings alike.
ALTER TABLE maintenance_windows
  ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'planned',
  ADD CONSTRAINT ck_maintenance_windows_kind CHECK (kind IN ('planned', 'unplanned'));

-- An operator (a staff account of the unit's operators group) qualified to run an instrument.
-- One row per operator and instrument: granting again replaces the dates.
CREATE TABLE operator_qualifications (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  instrument_id  BIGINT       NOT NULL,
  account_id     BIGINT       NOT NULL,
  granted_on     DATE         NOT NULL,
  expires_on     DATE,
  CONSTRAINT uk_operator_qualifications UNIQUE (instrument_id, account_id),
  CONSTRAINT fk_operator_qualifications_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT fk_operator_qualifications_account FOREIGN KEY (account_id) REFERENCES accounts (id),
  CONSTRAINT ck_operator_qualifications_dates CHECK (expires_on IS NULL OR expires_on > granted_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Days the whole facility is closed besides Japanese public holidays (which come from a library):
-- the year-end break, an inspection day. A date in facility time.
CREATE TABLE facility_closures (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  closed_on  DATE         NOT NULL,
  reason     VARCHAR(200) NOT NULL,
  CONSTRAINT uk_facility_closures_date UNIQUE (closed_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change to the catalogue: who, when, what (the kind of change and the unit and instrument it
-- touched) and the values before and after, as JSON. Facility closures have no unit.
CREATE TABLE catalogue_changes (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  changed_at     TIMESTAMP(6) NOT NULL,
  changed_by     VARCHAR(320) NOT NULL,
  action         VARCHAR(40)  NOT NULL,
  unit_code      VARCHAR(40),
  instrument_id  BIGINT,
  before_value   TEXT,
  after_value    TEXT,
  CONSTRAINT fk_catalogue_changes_unit FOREIGN KEY (unit_code) REFERENCES support_units (code),
  CONSTRAINT fk_catalogue_changes_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_catalogue_changes_unit ON catalogue_changes (unit_code, changed_at);
CREATE INDEX ix_catalogue_changes_instrument ON catalogue_changes (instrument_id, changed_at);
