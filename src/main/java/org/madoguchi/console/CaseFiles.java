package org.madoguchi.console;

import java.time.Clock;
import java.util.Locale;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.booking.BookingHistory;
import org.madoguchi.cases.Reconciliation;
import org.madoguchi.cases.StaffCases.StaffCaseFile;
import org.madoguchi.consultation.ConsultationService;
import org.madoguchi.deposit.ApplicantDeposits;
import org.madoguchi.fees.FeeDocuments;
import org.madoguchi.notify.CaseMails;
import org.madoguchi.outcomes.OutcomeService;
import org.madoguchi.tasks.StaffTasks;
import org.madoguchi.units.AssignmentHistory;
import org.madoguchi.units.CaseTeams;
import org.madoguchi.units.TeamMember;
import org.springframework.stereotype.Service;

/** Puts a case file together from what each feature publishes for staff, after the visibility check. */
@Service
public class CaseFiles {

  private final CaseVisibility visibility;
  private final ConsultationService consultation;
  private final CaseTeams teams;
  private final AssignmentHistory assignments;
  private final BookingHistory bookings;
  private final FeeDocuments fees;
  private final ApplicantDeposits deposits;
  private final OutcomeService outcomes;
  private final CaseMails mails;
  private final StaffTasks tasks;
  private final CaseDocuments documents;
  private final Reconciliation reconciliation;
  private final Clock clock;
  private final String operateUrl;

  CaseFiles(
      CaseVisibility visibility,
      ConsultationService consultation,
      CaseTeams teams,
      AssignmentHistory assignments,
      BookingHistory bookings,
      FeeDocuments fees,
      ApplicantDeposits deposits,
      OutcomeService outcomes,
      CaseMails mails,
      StaffTasks tasks,
      CaseDocuments documents,
      Reconciliation reconciliation,
      Clock clock,
      MadoguchiProperties properties) {
    this.visibility = visibility;
    this.consultation = consultation;
    this.teams = teams;
    this.assignments = assignments;
    this.bookings = bookings;
    this.fees = fees;
    this.deposits = deposits;
    this.outcomes = outcomes;
    this.mails = mails;
    this.tasks = tasks;
    this.documents = documents;
    this.reconciliation = reconciliation;
    this.clock = clock;
    this.operateUrl = properties.operateUrl();
  }

  /** The case file if the viewer may see it (a confidential one's view is audited); not found otherwise. */
  public CaseFileView open(StaffViewer viewer, String caseNumber, Locale locale) {
    StaffCaseFile file = visibility.open(viewer, caseNumber, locale);
    long caseId = file.caseId();
    var history = teams.history(caseId);
    return new CaseFileView(
        file,
        documents.of(caseId),
        consultation.forStaff(caseId),
        history.stream().filter(TeamMember::isCurrent).toList(),
        history,
        assignments.forStaff(caseId),
        bookings.forStaff(caseId),
        fees.forStaff(caseId, caseNumber),
        deposits.forStaff(caseId),
        outcomes.forStaff(caseId),
        mails.forStaff(caseId),
        tasks.openForCase(caseId),
        clock.instant(),
        file.processInstanceKey() == null ? null : operateUrl + "/processes/" + file.processInstanceKey(),
        reconciliation.openFlags(caseId));
  }
}
