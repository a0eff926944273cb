package org.madoguchi.deposit;

import org.springframework.modulith.NamedInterface;

/** Where a dataset stands on its way to the managed store. */
@NamedInterface("api")
public enum DatasetStatus {
  /** Registered from a recorded instrument session; deposit not yet opened. */
  PENDING,
  /** The applicant has been asked to deposit it. */
  AWAITING_DEPOSIT,
  /** Deposited; waiting for a data steward. */
  DEPOSITED,
  /** A steward sent the deposit back; the applicant deposits a new version. */
  SENT_BACK,
  VERIFIED,
  EXEMPTED;

  /** Verified or exempted: nothing more holds the case open. */
  public boolean isSettled() {
    return this == VERIFIED || this == EXEMPTED;
  }

  /** The applicant may deposit (a first version, or a new one after a send-back). */
  public boolean acceptsDeposit() {
    return this == AWAITING_DEPOSIT || this == SENT_BACK;
  }
}
