package org.madoguchi.outcomes;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.ApplicantNotices;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.InvalidRequestException.Violation;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.outcomes.OutcomeViews.OutcomesView;
import org.madoguchi.outcomes.OutcomeViews.PaperView;
import org.madoguchi.outcomes.OutcomeViews.PatentView;
import org.madoguchi.outcomes.OutcomeViews.ReportView;
import org.madoguchi.outcomes.OutcomeViews.SeedView;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Papers, patents and seeds the applicant reports, and the follow-up that asks for them. */
@NamedInterface("api")
@Service
public class OutcomeService {

  private final OutcomeRepository outcomes;
  private final OutcomeReportRepository reports;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final Clock clock;

  OutcomeService(
      OutcomeRepository outcomes,
      OutcomeReportRepository reports,
      CaseFile caseFile,
      ApplicantNotices notices,
      Clock clock) {
    this.outcomes = outcomes;
    this.reports = reports;
    this.caseFile = caseFile;
    this.notices = notices;
    this.clock = clock;
  }

  /** Stores a report (any time from the start of the support on); all or nothing. */
  @Transactional
  public OutcomesView report(String caseNumber, long accountId, String actor, OutcomeRequest request) {
    CaseSummary c = caseFile.getOwned(caseNumber, accountId);
    if (!OutcomeRules.REPORTABLE.contains(c.status())) {
      throw new StateConflictException("outcomes.not-reportable", c.status().name());
    }
    List<Outcome> before = outcomes.findByCaseIdOrderByIdAsc(c.caseId());
    Set<String> dois = before.stream().map(Outcome::doi).filter(Objects::nonNull).collect(Collectors.toSet());
    Set<String> applications =
        before.stream().map(Outcome::applicationNumber).filter(Objects::nonNull).collect(Collectors.toSet());
    List<Violation> violations = OutcomeRules.check(request, dois, applications);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    OutcomeReport report =
        reports.save(new OutcomeReport(c.caseId(), OutcomeRules.blankToNull(request.notes()), actor, clock.instant()));
    for (OutcomeRequest.Paper p : request.paperList()) {
      outcomes.save(Outcome.paper(report, OutcomeRules.doiKey(p.doi()), OutcomeRules.blankToNull(p.title())));
    }
    for (OutcomeRequest.Patent p : request.patentList()) {
      outcomes.save(
          Outcome.patent(report, OutcomeRules.applicationKey(p.applicationNumber()), OutcomeRules.blankToNull(p.title())));
    }
    for (OutcomeRequest.Seed s : request.seedList()) {
      outcomes.save(Outcome.seed(report, s.description().strip(), s.stage()));
    }
    caseFile.record(
        c.caseId(),
        new CaseEvent.OutcomesReported(request.paperList().size(), request.patentList().size(), request.seedList().size()),
        Actor.applicant(actor),
        null);
    return view(c.caseId());
  }

  /** Whether a case in this state takes outcome reports. */
  public static boolean acceptsReports(CaseStatus status) {
    return OutcomeRules.REPORTABLE.contains(status);
  }

  @Transactional(readOnly = true)
  public OutcomesView list(String caseNumber, long accountId) {
    return view(caseFile.getOwned(caseNumber, accountId).caseId());
  }

  /** For the staff console (the caller checks the viewer may see the case). */
  @Transactional(readOnly = true)
  public OutcomesView forStaff(long caseId) {
    return view(caseId);
  }

  /** {@code outcomes.request-follow-up}: invites the applicant to report outcomes, once per case. */
  @Transactional
  boolean requestFollowUp(long caseId) {
    List<Outcome> so = outcomes.findByCaseIdOrderByIdAsc(caseId);
    Map<String, Object> values = new HashMap<>();
    values.put("papersReported", count(so, Outcome.PAPER));
    values.put("patentsReported", count(so, Outcome.PATENT));
    values.put("seedsReported", count(so, Outcome.SEED));
    String key = "outcome-follow-up:" + caseId;
    boolean sent = notices.send(caseId, "outcome-follow-up", values, key);
    caseFile.record(caseId, new CaseEvent.OutcomeFollowUpRequested(), Actor.timer(), key);
    return sent;
  }

  private static long count(List<Outcome> all, String kind) {
    return all.stream().filter(o -> o.kind().equals(kind)).count();
  }

  private OutcomesView view(long caseId) {
    List<Outcome> all = outcomes.findByCaseIdOrderByIdAsc(caseId);
    return new OutcomesView(
        all.stream().filter(o -> o.kind().equals(Outcome.PAPER))
            .map(o -> new PaperView(o.id(), o.doi(), o.title(), o.reportedAt())).toList(),
        all.stream().filter(o -> o.kind().equals(Outcome.PATENT))
            .map(o -> new PatentView(o.id(), o.applicationNumber(), o.title(), o.reportedAt())).toList(),
        all.stream().filter(o -> o.kind().equals(Outcome.SEED))
            .map(o -> new SeedView(o.id(), o.description(), o.stage(), o.reportedAt())).toList(),
        reports.findByCaseIdOrderByIdAsc(caseId).stream()
            .map(r -> new ReportView(r.id(), r.notes(), r.reportedAt())).toList());
  }
}
