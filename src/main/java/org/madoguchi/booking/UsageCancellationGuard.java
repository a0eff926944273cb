package org.madoguchi.booking;

import java.util.Optional;
import org.madoguchi.cases.CancellationGuard;
import org.springframework.stereotype.Component;

/** Once an instrument session is recorded the case can no longer be cancelled (its costs are incurred). */
@Component
class UsageCancellationGuard implements CancellationGuard {

  static final String USAGE_RECORDED = "booking.cancel.usage-recorded";

  private final UsageLedger ledger;

  UsageCancellationGuard(UsageLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Optional<String> objection(long caseId) {
    return ledger.anyUsageRecorded(caseId) ? Optional.of(USAGE_RECORDED) : Optional.empty();
  }
}
