package org.madoguchi.console.web.sessions;

import jakarta.servlet.http.HttpServletResponse;
import org.madoguchi.booking.SessionAttendance;
import org.madoguchi.booking.SessionDetails;
import org.madoguchi.booking.SessionRefusedException;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.tasks.StaffTasks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page of one booked session ({@code /console/sessions/{bookingId}}): instrument, case,
 * applicant, facility-time period and state, with check-in, no-show and cancellation. Recording what the
 * session used stays the Tasklist task {@code InstrumentSession}. A refused action shows the page again
 * with the reason (409).
 */
@Controller
class SessionPages {

  static final String ROOT = "/console/sessions";
  static final String RECORD_SESSION_TASK = "InstrumentSession";

  private final SessionAttendance attendance;
  private final CaseFile caseFile;
  private final StaffTasks tasks;

  SessionPages(SessionAttendance attendance, CaseFile caseFile, StaffTasks tasks) {
    this.attendance = attendance;
    this.caseFile = caseFile;
    this.tasks = tasks;
  }

  @GetMapping(ROOT + "/{bookingId}")
  String session(@ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable long bookingId, Model model) {
    return page(model, permitted(viewer, bookingId));
  }

  @PostMapping(ROOT + "/{bookingId}/check-in")
  String checkIn(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable long bookingId, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    SessionDetails session = permitted(viewer, bookingId);
    return act(() -> attendance.checkIn(bookingId, actor(viewer, session)), "checked-in", session, model, response, redirect);
  }

  @PostMapping(ROOT + "/{bookingId}/no-show")
  String noShow(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable long bookingId, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    SessionDetails session = permitted(viewer, bookingId);
    return act(() -> attendance.noShow(bookingId, actor(viewer, session)), "no-show", session, model, response, redirect);
  }

  /** {@code applicantRequest}: the applicant asked for it, so a late one is charged; the unit's own never is. */
  @PostMapping(ROOT + "/{bookingId}/cancellation")
  String cancel(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable long bookingId,
      @RequestParam(defaultValue = "false") boolean applicantRequest, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    SessionDetails session = permitted(viewer, bookingId);
    return act(() -> attendance.cancel(session.caseId(), bookingId, actor(viewer, session), applicantRequest),
        "cancelled", session, model, response, redirect);
  }

  private String act(
      Runnable action, String done, SessionDetails session, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    try {
      action.run();
    } catch (SessionRefusedException refused) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("refusal", refused.refusal().code());
      return page(model, attendance.session(session.bookingId()).orElseThrow());
    }
    redirect.addFlashAttribute("done", done);
    return "redirect:" + ROOT + "/" + session.bookingId();
  }

  private SessionDetails permitted(StaffViewer viewer, long bookingId) {
    SessionDetails session = attendance.session(bookingId).orElseThrow(() -> new NotFoundException("session " + bookingId));
    SessionAccess.requireUnitMember(viewer, session.unitCode());
    return session;
  }

  private String page(Model model, SessionDetails session) {
    model.addAttribute("booked", session);
    model.addAttribute("supportCase", caseFile.get(session.caseId()));
    model.addAttribute("recordTask", tasks.openForCase(session.caseId()).stream()
        .filter(t -> RECORD_SESSION_TASK.equals(t.elementId()) && t.candidateGroup().endsWith("-" + session.unitCode()))
        .findFirst()
        .orElse(null));
    return "console/session";
  }

  private static Actor actor(StaffViewer viewer, SessionDetails session) {
    String group = viewer.groups().stream()
        .map(g -> g.name())
        .filter(name -> name.equals("operators-" + session.unitCode()) || name.equals("unit-" + session.unitCode()))
        .findFirst()
        .orElse("admins");
    return Actor.staff(group, viewer.email());
  }
}
