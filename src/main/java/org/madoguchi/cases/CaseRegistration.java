package org.madoguchi.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The first automated step: the case enters consultation, with its SLA and a confirmation mail. */
@Service
public class CaseRegistration {

  /** Consultation SLA and task priority for the desk; empty when the instance is a duplicate start. */
  public record Registration(boolean duplicate, int taskPriority, String consultationDue) {}

  static final int PRIORITY_NORMAL = 50;
  static final int PRIORITY_FAST_TRACK = 90;

  private final SupportCaseRepository cases;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final MadoguchiProperties properties;
  private final Clock clock;

  CaseRegistration(
      SupportCaseRepository cases,
      CaseFile caseFile,
      ApplicantNotices notices,
      MadoguchiProperties properties,
      Clock clock) {
    this.cases = cases;
    this.caseFile = caseFile;
    this.notices = notices;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Registration register(long caseId, long processInstanceKey) {
    SupportCase supportCase = cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("case"));
    if (!supportCase.linkProcessInstance(processInstanceKey)) {
      return new Registration(true, 0, null);
    }
    caseFile.transition(caseId, CaseStatus.IN_CONSULTATION, new CaseEvent.Registered(), Actor.system());
    notices.send(caseId, "case-confirmation", Map.of(), "confirmation:" + caseId);
    Duration sla = supportCase.isFastTrack() ? properties.sla().consultationFastTrack() : properties.sla().consultation();
    OffsetDateTime due = OffsetDateTime.now(clock.withZone(properties.timeZone())).plus(sla);
    int priority = supportCase.isFastTrack() ? PRIORITY_FAST_TRACK : PRIORITY_NORMAL;
    return new Registration(false, priority, due.toString());
  }
}
