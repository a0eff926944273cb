package org.madoguchi.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.SessionAttendance;
import org.madoguchi.booking.SessionDetails;
import org.madoguchi.booking.SessionRefusedException;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.PageLinks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant cancels one booked session of their case: a confirmation page first, which says when
 * the cancellation is late (within the instrument's late-cancellation hours of the start) and may be
 * charged; then the session is cancelled and its time freed.
 */
@Controller
class PortalSessionPages {

  static final String CANCEL_SESSION = PageLinks.CASE_PAGE + "/sessions/{bookingId}/cancel";

  private final SessionAttendance attendance;
  private final CaseFile caseFile;

  PortalSessionPages(SessionAttendance attendance, CaseFile caseFile) {
    this.attendance = attendance;
    this.caseFile = caseFile;
  }

  @GetMapping(CANCEL_SESSION)
  String confirm(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @PathVariable long bookingId,
      Model model, HttpServletResponse response) {
    CaseSummary c = caseFile.getOwned(caseNumber, account.accountId());
    SessionDetails session = sessionOf(c, bookingId);
    if (!session.reserved() || session.checkedIn()) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("refusal", session.checkedIn() ? "booking.session.already-checked-in" : "booking.session.not-reserved");
    }
    model.addAttribute("c", c);
    model.addAttribute("booked", session);
    return "portal/session-cancel";
  }

  @PostMapping(CANCEL_SESSION)
  String cancel(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @PathVariable long bookingId,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    CaseSummary c = caseFile.getOwned(caseNumber, account.accountId());
    SessionDetails session = sessionOf(c, bookingId);
    try {
      attendance.cancel(c.caseId(), bookingId, Actor.applicant(c.email()), true);
    } catch (SessionRefusedException refused) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("refusal", refused.refusal().code());
      model.addAttribute("c", c);
      model.addAttribute("booked", attendance.session(bookingId).orElse(session));
      return "portal/session-cancel";
    }
    redirect.addFlashAttribute("sessionCancelled", true);
    return "redirect:" + PageLinks.path(PageLinks.CASE_PAGE, caseNumber) + "#sessions";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "portal/not-found";
  }

  /** Another case's booking reads as absent, like another applicant's case. */
  private SessionDetails sessionOf(CaseSummary c, long bookingId) {
    return attendance.session(bookingId)
        .filter(s -> s.caseId() == c.caseId())
        .orElseThrow(() -> new NotFoundException("session"));
  }
}
