package org.madoguchi.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.InvalidRequestException.Violation;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.workflow.WorkflowCommands;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Files applicants' support requests: validation, a case number, the process start; all or nothing. */
@NamedInterface("api")
@Service
public class Submissions {

  static final String PROCESS_ID = "research-support";

  private final SupportCaseRepository cases;
  private final CaseNumbers caseNumbers;
  private final CaseFile caseFile;
  private final WorkflowCommands workflow;
  private final Clock clock;

  Submissions(
      SupportCaseRepository cases,
      CaseNumbers caseNumbers,
      CaseFile caseFile,
      WorkflowCommands workflow,
      Clock clock) {
    this.cases = cases;
    this.caseNumbers = caseNumbers;
    this.caseFile = caseFile;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** Validates, files the case with a new number and queues the process start; all or nothing. */
  @Transactional
  public CaseSummary submit(long accountId, SupportRequest request) {
    checkBusinessRules(request);
    SupportCase supportCase = new SupportCase(caseNumbers.next(), accountId, request, clock.instant());
    cases.save(supportCase);
    caseFile.record(supportCase.id(), new CaseEvent.Submitted(supportCase.title()), Actor.applicant(supportCase.email()), null);
    workflow.startProcess(PROCESS_ID, processVariables(supportCase), supportCase.id());
    return CaseSummary.of(supportCase);
  }

  private static void checkBusinessRules(SupportRequest request) {
    List<Violation> violations = new ArrayList<>();
    List<String> services = request.requestedServices() == null ? List.of() : request.requestedServices();
    for (int i = 0; i < services.size(); i++) {
      if (!SupportRequest.SERVICE_CODES.contains(services.get(i))) {
        violations.add(new Violation("requestedServices[" + i + "]", "validation.service-code", services.get(i)));
      }
    }
    LocalDate start = request.desiredStart();
    LocalDate end = request.desiredEnd();
    if (start != null && end != null && end.isBefore(start)) {
      violations.add(new Violation("desiredEnd", "validation.desiredEnd.before-start"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static Map<String, Object> processVariables(SupportCase c) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", c.id());
    variables.put("caseNumber", c.caseNumber());
    variables.put("caseTitle", c.title());
    variables.put("applicantName", c.applicantName() + " (" + c.affiliation() + ")");
    variables.put("applicantCategory", c.applicantCategory());
    variables.put("fastTrack", c.isFastTrack());
    variables.put("requestedServices", c.requestedServices());
    variables.put("language", c.language());
    return variables;
  }
}
