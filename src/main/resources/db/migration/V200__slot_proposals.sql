-- Slots a unit coordinator proposes for a case (one to three, on the unit's instruments) and the
-- applicant's answer: the slot picked (booked in the same transaction), other dates asked for, or the
-- proposal withdrawn when it stays unanswered.
CREATE TABLE slot_proposals (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id            BIGINT        NOT NULL,
  unit_code          VARCHAR(40)   NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  -- '<case id>/<unit code>' while the proposal is open, NULL once answered: one open proposal per case and unit.
  open_for           VARCHAR(80)   NULL,
  proposed_by        VARCHAR(320)  NOT NULL,
  proposed_at        TIMESTAMP(6)  NOT NULL,
  answered_at        TIMESTAMP(6)  NULL,
  chosen_slot        INT           NULL,
  booking_id         BIGINT        NULL,
  applicant_comment  VARCHAR(1000) NULL,
  version            BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT uk_slot_proposals_open UNIQUE (open_for),
  CONSTRAINT fk_slot_proposals_case FOREIGN KEY (case_id) REFERENCES cases (id),
  CONSTRAINT fk_slot_proposals_booking FOREIGN KEY (booking_id) REFERENCES bookings (id),
  CONSTRAINT ck_slot_proposals_status CHECK (status IN ('OPEN', 'CHOSEN', 'OTHER_DATES', 'WITHDRAWN'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_slot_proposals_case ON slot_proposals (case_id, unit_code);

CREATE TABLE slot_proposal_slots (
  proposal_id    BIGINT       NOT NULL,
  slot_index     INT          NOT NULL,
  instrument_id  BIGINT       NOT NULL,
  slot_start     TIMESTAMP(6) NOT NULL,
  slot_end       TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (proposal_id, slot_index),
  CONSTRAINT fk_proposal_slots_proposal FOREIGN KEY (proposal_id) REFERENCES slot_proposals (id),
  CONSTRAINT fk_proposal_slots_instrument FOREIGN KEY (instrument_id) REFERENCES instruments (id),
  CONSTRAINT ck_proposal_slots_period CHECK (slot_end > slot_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
