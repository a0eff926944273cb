package org.madoguchi.cases;

import java.time.Clock;
import java.time.Instant;
import org.madoguchi.common.schedule.ScheduledRuns;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link Reconciliation} every {@code madoguchi.reconciliation.interval}, once per interval
 * across instances.
 */
@Component
class ReconciliationSchedule {

  private static final String RUN = "case-reconciliation";

  private final Reconciliation reconciliation;
  private final ScheduledRuns runs;
  private final ReconciliationProperties settings;
  private final Clock clock;

  ReconciliationSchedule(Reconciliation reconciliation, ScheduledRuns runs, ReconciliationProperties settings, Clock clock) {
    this.reconciliation = reconciliation;
    this.runs = runs;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${madoguchi.reconciliation.interval:PT5M}",
      initialDelayString = "${madoguchi.reconciliation.interval:PT5M}")
  void reconcile() {
    Instant now = clock.instant();
    runs.runOnce(RUN, ScheduledRuns.window(now, settings.interval()), now, settings.interval(), () -> {
      reconciliation.run();
      return true;
    });
  }
}
