package org.madoguchi.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.madoguchi.booking.BookingHistory.BookingView;
import org.madoguchi.cases.Reconciliation;
import org.madoguchi.cases.StaffCases.StaffCaseFile;
import org.madoguchi.consultation.StaffConsultation;
import org.madoguchi.deposit.DepositViews.DatasetView;
import org.madoguchi.documents.DocumentView;
import org.madoguchi.fees.FeeDocuments.StaffFees;
import org.madoguchi.notify.CaseMails.StaffMail;
import org.madoguchi.outcomes.OutcomeViews.OutcomesView;
import org.madoguchi.tasks.StaffTask;
import org.madoguchi.units.AssignmentHistory.AssignmentView;
import org.madoguchi.units.TeamMember;

/**
 * The whole case file on one page, each part from the feature that owns it (documents oldest first);
 * {@code openTasks} with their due dates, overdue as of {@code now}. {@code operateLink} is the
 * process instance in Operate, null while the engine has not registered the case. {@code flags}: the
 * reconciliation's open flags (the case and the engine disagree), each with its reason.
 */
public record CaseFileView(
    StaffCaseFile file,
    List<DocumentView> documents,
    StaffConsultation consultation,
    List<TeamMember> team,
    List<TeamMember> teamHistory,
    List<AssignmentView> assignments,
    List<BookingView> bookings,
    Optional<StaffFees> fees,
    List<DatasetView> datasets,
    OutcomesView outcomes,
    List<StaffMail> mails,
    List<StaffTask> openTasks,
    Instant now,
    String operateLink,
    List<Reconciliation.Flag> flags) {

  public boolean isOverdue(StaffTask task) {
    return task.isOverdue(now);
  }
}
