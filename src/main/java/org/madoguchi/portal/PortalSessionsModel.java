package org.madoguchi.portal;

import java.util.List;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.SessionAttendance;
import org.madoguchi.booking.SessionDetails;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The booked sessions on the applicant's case page, each with its cancellation link while it is booked. */
@ControllerAdvice(assignableTypes = PortalPages.class)
class PortalSessionsModel {

  private final SessionAttendance attendance;
  private final CaseFile caseFile;

  PortalSessionsModel(SessionAttendance attendance, CaseFile caseFile) {
    this.attendance = attendance;
    this.caseFile = caseFile;
  }

  /** Empty on the pages without a case; the case page itself refuses someone else's case. */
  @ModelAttribute("sessions")
  List<SessionDetails> sessions(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable(required = false) String caseNumber) {
    if (account == null || caseNumber == null) {
      return List.of();
    }
    try {
      return attendance.ofCase(caseFile.getOwned(caseNumber, account.accountId()).caseId());
    } catch (NotFoundException notOwned) {
      return List.of();
    }
  }
}
