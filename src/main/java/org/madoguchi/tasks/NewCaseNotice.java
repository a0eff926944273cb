package org.madoguchi.tasks;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case is new to the desk when its consultation task opens: the desk is mailed in the transaction
 * that indexes the task. A consultation reopened after an information request mails no one again.
 */
@Component
class NewCaseNotice {

  private final StaffNotices notices;

  NewCaseNotice(StaffNotices notices) {
    this.notices = notices;
  }

  @EventListener
  void on(StaffTaskOpened opened) {
    StaffTask task = opened.task();
    if ("research-support".equals(task.processId()) && "Consultation".equals(task.elementId())) {
      notices.newCase(task.caseId());
    }
  }
}
