package org.madoguchi.tasks;

import java.time.Instant;
import org.madoguchi.cases.ProcessProgress;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A staff task opened for the case: its process reached a user task. */
@Component
class OpenedTaskProgress implements ProcessProgress {

  private final StaffTaskRepository tasks;

  OpenedTaskProgress(StaffTaskRepository tasks) {
    this.tasks = tasks;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean progressedSince(long caseId, Instant since) {
    return tasks.existsByCaseIdAndOpenedAtGreaterThanEqual(caseId, since);
  }
}
