package org.madoguchi.console;

import java.util.List;
import org.madoguchi.cases.StaffCases;
import org.madoguchi.tasks.StaffTask;
import org.madoguchi.tasks.StaffTaskClosed;
import org.madoguchi.tasks.StaffTaskOpened;
import org.madoguchi.tasks.StaffTasks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the case list's due date in step with the task index: whenever a staff task opens or closes,
 * the case's earliest open task is looked up again, in the same transaction as the index's change.
 */
@Component
class NextTaskDue {

  private final StaffTasks tasks;
  private final StaffCases cases;

  NextTaskDue(StaffTasks tasks, StaffCases cases) {
    this.tasks = tasks;
    this.cases = cases;
  }

  @EventListener
  void opened(StaffTaskOpened event) {
    refresh(event.task().caseId());
  }

  @EventListener
  void closed(StaffTaskClosed event) {
    refresh(event.task().caseId());
  }

  private void refresh(long caseId) {
    StaffTask next = tasks.nextDueByCase(List.of(caseId)).get(caseId);
    cases.markNextTaskDue(caseId, next == null ? null : next.dueAt());
  }
}
