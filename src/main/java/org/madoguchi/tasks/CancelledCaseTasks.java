package org.madoguchi.tasks;

import org.madoguchi.cases.CaseCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled case's instance is terminated, and terminated tasks run no end listener: their tasks
 * are closed here, in the cancelling transaction.
 */
@Component
class CancelledCaseTasks {

  private final TaskIndex index;

  CancelledCaseTasks(TaskIndex index) {
    this.index = index;
  }

  @EventListener
  void on(CaseCancelled cancelled) {
    index.closeAllOf(cancelled.caseId());
  }
}
