package org.madoguchi.booking;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** Booking's published view of what a case used, for fee assessment. */
@NamedInterface("api")
public interface UsageLedger {

  /** Every chargeable item recorded for the case, in a stable order. */
  List<UsageItem> itemsForCase(long caseId);

  /** Whether any instrument session has been recorded for the case (then it can no longer be cancelled). */
  boolean anyUsageRecorded(long caseId);
}
