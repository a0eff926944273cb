package org.madoguchi.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first automated step: the case enters consultation, with its SLA, a confirmation mail, and what
 * the staff forms show and offer (the request as submitted, the link to the case file, the people).
 */
@Service
public class CaseRegistration {

  /** The variables for the engine; none when the instance is a duplicate start. */
  public record Registration(boolean duplicate, Map<String, Object> variables) {}

  private final SupportCaseRepository cases;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final StaffOptions staffOptions;
  private final MadoguchiProperties properties;
  private final Clock clock;

  CaseRegistration(
      SupportCaseRepository cases,
      CaseFile caseFile,
      ApplicantNotices notices,
      StaffOptions staffOptions,
      MadoguchiProperties properties,
      Clock clock) {
    this.cases = cases;
    this.caseFile = caseFile;
    this.notices = notices;
    this.staffOptions = staffOptions;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Registration register(long caseId, long processInstanceKey) {
    SupportCase supportCase = cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("case"));
    if (!supportCase.linkProcessInstance(processInstanceKey)) {
      return new Registration(true, Map.of());
    }
    caseFile.transition(caseId, CaseStatus.IN_CONSULTATION, new CaseEvent.Registered(), Actor.system());
    notices.send(caseId, "case-confirmation", Map.of(), "confirmation:" + caseId);
    ConsultationTerms terms = ConsultationTerms.of(supportCase.isFastTrack(), properties);
    Map<String, Object> variables = new HashMap<>(staffOptions.variables());
    variables.put("taskPriority", terms.taskPriority());
    variables.put("consultationDue", OffsetDateTime.now(clock.withZone(properties.timeZone())).plus(terms.sla()).toString());
    // The consultation task recomputes its due date from this whenever the case comes back to the desk.
    variables.put("consultationSla", terms.sla().toString());
    variables.put("staffCaseUrl", staffCaseUrl(properties.portalUrl(), supportCase.caseNumber()));
    variables.put("caseRequest", requestAsShown(supportCase));
    return new Registration(false, variables);
  }

  /** The staff console's page of the case, linked from every staff form. */
  static String staffCaseUrl(String portalUrl, String caseNumber) {
    String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    return base + "/console/cases/" + caseNumber;
  }

  /**
   * The request as the applicant submitted it, for the staff forms (which can show only variables):
   * texts as written, the declared category and fast-track kept apart from what the desk confirms.
   */
  private static Map<String, Object> requestAsShown(SupportCase c) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("affiliation", c.affiliation());
    request.put("email", c.email());
    request.put("summary", c.summary());
    request.put("aims", c.aims());
    request.put("targets", c.targets());
    request.put("desiredTimeline", timeline(c));
    request.put("confidentiality", c.confidentiality());
    request.put("declaredCategory", c.declaredCategory());
    request.put("fastTrackRequested", c.isFastTrackRequested());
    request.put("fastTrackReason", c.fastTrackReason());
    return request;
  }

  private static String timeline(SupportCase c) {
    if (c.desiredStart() == null && c.desiredEnd() == null) {
      return null;
    }
    return (c.desiredStart() == null ? "" : c.desiredStart().toString()) + " – " + (c.desiredEnd() == null ? "" : c.desiredEnd().toString());
  }
}
