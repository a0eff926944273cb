package org.madoguchi.cases;

import java.util.List;
import org.madoguchi.cases.audit.CaseEventType;
import org.madoguchi.cases.audit.RecordedEvent;
import java.util.Locale;
import org.madoguchi.cases.CaseViews.CaseDetail;
import org.madoguchi.cases.CaseViews.CaseListItem;
import org.madoguchi.cases.CaseViews.TimelineEntry;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the applicant API and portal: only ever the caller's own cases. */
@NamedInterface("api")
@Service
public class ApplicantCaseQueries {

  private final SupportCaseRepository cases;
  private final CaseFile caseFile;
  private final CaseTimeline timeline;

  ApplicantCaseQueries(SupportCaseRepository cases, CaseFile caseFile, CaseTimeline timeline) {
    this.cases = cases;
    this.caseFile = caseFile;
    this.timeline = timeline;
  }

  @Transactional(readOnly = true)
  public List<CaseListItem> list(long accountId) {
    return cases.findByAccountIdOrderBySubmittedAtDesc(accountId).stream()
        .map(c -> new CaseListItem(c.caseNumber(), c.title(), c.status(), c.isFastTrack(), c.submittedAt(), c.updatedAt()))
        .toList();
  }

  /** The case with its timeline in {@code locale}. */
  @Transactional(readOnly = true)
  public CaseDetail detail(String caseNumber, long accountId, Locale locale) {
    SupportCase c =
        cases.findByCaseNumber(caseNumber)
            .filter(found -> found.accountId() == accountId)
            .orElseThrow(() -> new NotFoundException("case"));
    return new CaseDetail(
        c.caseNumber(), c.title(), c.status(), c.applicantName(), c.affiliation(), c.applicantCategory(),
        c.summary(), c.aims(), c.targets(), c.requestedServices(), c.desiredStart(), c.desiredEnd(),
        c.confidentiality(), c.fastTrackReason(), c.submittedAt(), timeline.render(forApplicant(caseFile.history(c.id())), locale));
  }

  /** The trail without staff's own lines (notes, views of a confidential case). */
  private static List<RecordedEvent> forApplicant(List<RecordedEvent> history) {
    return history.stream()
        .filter(e -> !CaseEventType.ofCode(e.action()).map(CaseEventType::isStaffOnly).orElse(false))
        .toList();
  }
}
