package org.madoguchi.console;

import java.util.List;
import org.madoguchi.cases.StaffCases;
import org.madoguchi.tasks.StaffTask;
import org.madoguchi.tasks.StaffTaskClosed;
import org.madoguchi.tasks.StaffTaskOpened;
import org.madoguchi.tasks.StaffTasks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the case list's due date in step with the task index: whenever a staff task opens or closes,
 * the case's earliest open task is looked up again. In a transaction of its own after the index's
 * change commits: that change holds a shared lock on the case row (its foreign key), and updating the
 * row in the same transaction deadlocked with any step waiting to lock the case.
 */
@Component
class NextTaskDue {

  private final StaffTasks tasks;
  private final StaffCases cases;
  private final TransactionTemplate ownTransaction;

  NextTaskDue(StaffTasks tasks, StaffCases cases, PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.cases = cases;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void opened(StaffTaskOpened event) {
    refresh(event.task().caseId());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void closed(StaffTaskClosed event) {
    refresh(event.task().caseId());
  }

  private void refresh(long caseId) {
    ownTransaction.executeWithoutResult(status -> {
      StaffTask next = tasks.nextDueByCase(List.of(caseId)).get(caseId);
      cases.markNextTaskDue(caseId, next == null ? null : next.dueAt());
    });
  }
}
