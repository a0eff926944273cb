package org.madoguchi.cases;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the {@link Reconciliation} every {@code madoguchi.reconciliation.interval}. */
@Component
class ReconciliationSchedule {

  private final Reconciliation reconciliation;

  ReconciliationSchedule(Reconciliation reconciliation) {
    this.reconciliation = reconciliation;
  }

  @Scheduled(
      fixedDelayString = "${madoguchi.reconciliation.interval:PT5M}",
      initialDelayString = "${madoguchi.reconciliation.interval:PT5M}")
  void reconcile() {
    reconciliation.run();
  }
}
