package org.madoguchi.cases;

import java.util.Map;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ways a case ends, each with its status, audit line and applicant mail. */
@Service
public class CaseEndings {

  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final Cancellations cancellations;

  CaseEndings(CaseFile caseFile, ApplicantNotices notices, Cancellations cancellations) {
    this.caseFile = caseFile;
    this.notices = notices;
    this.cancellations = cancellations;
  }

  @Transactional
  public void decline(long caseId, String reason) {
    caseFile.transition(caseId, CaseStatus.DECLINED, new CaseEvent.Declined(reason), Actor.staff("desk"));
    notices.send(caseId, "case-declined", Map.of("reason", reason == null ? "" : reason), "declined:" + caseId);
  }

  @Transactional
  public void expire(long caseId) {
    caseFile.transition(caseId, CaseStatus.EXPIRED, new CaseEvent.Expired(), Actor.timer());
    notices.send(caseId, "case-expired", Map.of(), "expired:" + caseId);
  }

  @Transactional
  public void cancel(long caseId) {
    cancellations.completeCancellation(caseId);
    notices.send(caseId, "case-cancelled", Map.of(), "cancelled:" + caseId);
  }

  @Transactional
  public void close(long caseId) {
    caseFile.transition(caseId, CaseStatus.CLOSED, new CaseEvent.Closed(), Actor.system());
    notices.send(caseId, "case-closed", Map.of(), "closed:" + caseId);
  }
}
