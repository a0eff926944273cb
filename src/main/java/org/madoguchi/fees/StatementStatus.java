package org.madoguchi.fees;

import org.springframework.modulith.NamedInterface;

/** Where a fee statement stands. */
@NamedInterface("api")
public enum StatementStatus {
  /** Assessed, waiting for the finance review; not shown to the applicant. */
  DRAFT,
  /** The total was zero: the applicant got a "no charge" notice instead of a statement. */
  NO_CHARGE,
  /** Reviewed and sent; waiting for the applicant to accept or dispute it. */
  ISSUED,
  ACCEPTED,
  /** The applicant disputed it; finance reviews it again and re-sends it. */
  DISPUTED;

  /** Whether staff may still make a new version: until the applicant accepts, and never for a no-charge case. */
  public boolean isRevisable() {
    return this == DRAFT || this == DISPUTED || this == ISSUED;
  }
}
