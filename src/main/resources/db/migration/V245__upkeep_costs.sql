-- Upkeep and repair costs per instrument, for the cost recovery report (fees.recovery, docs/fees.md,
-- "Cost recovery"). Entries are never changed or deleted: a wrong one is corrected by a reversing entry
-- (the negated amount, with a reason), then recorded again.
CREATE TABLE upkeep_costs (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  instrument_id   BIGINT        NOT NULL,
  -- The day the cost was incurred, in facility time; it decides the fiscal year (April to March).
  incurred_on     DATE          NOT NULL,
  kind            VARCHAR(20)   NOT NULL,
  -- Integer yen; negative only on a reversing entry.
  amount_yen      BIGINT        NOT NULL,
  description     VARCHAR(500)  NOT NULL,
  -- The entry this one reverses; at most one reversal per entry.
  reverses_id     BIGINT,
  reversal_reason VARCHAR(500),
  recorded_by     VARCHAR(320)  NOT NULL,
  recorded_at     TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_upkeep_costs_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT fk_upkeep_costs_reverses FOREIGN KEY (reverses_id) REFERENCES upkeep_costs (id),
  CONSTRAINT uk_upkeep_costs_reverses UNIQUE (reverses_id),
  CONSTRAINT ck_upkeep_costs_kind CHECK (kind IN ('UPKEEP', 'REPAIR', 'SERVICE_CONTRACT', 'CONSUMABLES')),
  CONSTRAINT ck_upkeep_costs_entry CHECK (
    (reverses_id IS NULL AND reversal_reason IS NULL AND amount_yen BETWEEN 1 AND 10000000000)
    OR (reverses_id IS NOT NULL AND reversal_reason IS NOT NULL AND amount_yen BETWEEN -10000000000 AND -1)),
  KEY ix_upkeep_costs_instrument (instrument_id, incurred_on),
  KEY ix_upkeep_costs_incurred (incurred_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
