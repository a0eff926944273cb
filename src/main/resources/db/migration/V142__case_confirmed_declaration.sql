-- The applicant category and fast-track as the desk confirmed (or changed) them in consultation.
-- The declared values stay in applicant_category and fast_track_reason; null here means not confirmed yet.
ALTER TABLE cases
  ADD COLUMN confirmed_category VARCHAR(20) NULL,
  ADD COLUMN confirmed_fast_track BOOLEAN NULL,
  ADD COLUMN declaration_confirmed_at TIMESTAMP(6) NULL;
