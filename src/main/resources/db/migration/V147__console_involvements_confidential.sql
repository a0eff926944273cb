-- The case's confidentiality copied into its involvements (fixed once the case is submitted), so a
-- scoped case list answers "non-confidential cases with this involvement" from one index, without
-- looking up every case.
ALTER TABLE case_involvements ADD COLUMN confidential BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE case_involvements i JOIN cases c ON c.id = i.case_id
  SET i.confidential = (c.confidentiality = 'confidential');
CREATE INDEX ix_case_involvements_scope ON case_involvements (involvement, confidential, case_id);
DROP INDEX ix_case_involvements_involvement ON case_involvements;
