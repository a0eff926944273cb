package org.madoguchi.fees;

/** Where a fee statement stands. */
public enum StatementStatus {
  /** Assessed, waiting for the finance review; not shown to the applicant. */
  DRAFT,
  /** The total was zero: the applicant got a "no charge" notice instead of a statement. */
  NO_CHARGE,
  /** Reviewed and sent; waiting for the applicant to accept or dispute it. */
  ISSUED,
  ACCEPTED,
  /** The applicant disputed it; finance reviews it again and re-sends it. */
  DISPUTED
}
