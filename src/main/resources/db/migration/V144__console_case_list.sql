-- The staff console's case list: which units and kinds of work each case involves (derived from its
-- audit trail by CaseFile as events are recorded), so a scoped list is one indexed query; and indexes
-- for the list's sort orders and filters.
CREATE TABLE case_involvements (
  case_id     BIGINT      NOT NULL,
  -- unit:<code> (planned in an accepted consultation, or decided on by the unit), fees, datasets.
  involvement VARCHAR(60) NOT NULL,
  PRIMARY KEY (case_id, involvement),
  INDEX ix_case_involvements_involvement (involvement, case_id),
  CONSTRAINT fk_case_involvements_case FOREIGN KEY (case_id) REFERENCES cases (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Cases filed before this table existed: from the features' own records, once.
INSERT IGNORE INTO case_involvements (case_id, involvement)
  SELECT d.case_id, CONCAT('unit:', u.code)
  FROM consultation_decisions d JOIN support_units u ON FIND_IN_SET(u.code, d.planned_units) > 0
  WHERE d.outcome = 'accept';
INSERT IGNORE INTO case_involvements (case_id, involvement)
  SELECT case_id, CONCAT('unit:', unit_code) FROM unit_assignments;
INSERT IGNORE INTO case_involvements (case_id, involvement) SELECT case_id, 'fees' FROM fee_statements;
INSERT IGNORE INTO case_involvements (case_id, involvement) SELECT case_id, 'datasets' FROM datasets;

-- Priority order (fast-track first) needs the flag in an index; the reason itself is free text.
ALTER TABLE cases ADD COLUMN fast_track BOOLEAN AS (fast_track_reason IS NOT NULL) PERSISTENT;
CREATE INDEX ix_cases_submitted ON cases (submitted_at, id);
CREATE INDEX ix_cases_updated ON cases (updated_at, id);
CREATE INDEX ix_cases_priority ON cases (fast_track, submitted_at, id);
CREATE INDEX ix_cases_status_submitted ON cases (status, submitted_at, id);
