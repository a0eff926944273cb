package org.madoguchi.console.web.proposals;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookedSessions;
import org.madoguchi.booking.SlotProposals;
import org.madoguchi.booking.SlotProposals.ProposalView;
import org.madoguchi.booking.SlotProposals.ProposedSlot;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.RuleViolationException;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.console.CaseVisibility;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.console.web.StaffViewers;
import org.madoguchi.tasks.StaffTasks;
import org.madoguchi.units.AssignmentHistory;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.InstrumentBookingRules;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where a unit coordinator proposes one to three slots for a case: a week calendar of one of the
 * unit's instruments with its busy time (bookings, maintenance windows, the facility's closed days), on
 * which the coordinator selects free slots, and the same slots as plain form rows for a browser without
 * JavaScript. Only the coordinators of a unit that accepted the case ({@code unit-<code>}) and admins
 * may use it; anyone else gets the 403 page. A refused slot shows the page again (422) with each rule it
 * breaks at its row.
 */
@Controller
class ProposalPages {

  static final String PAGE = "/console/cases/{caseNumber}/proposals";
  /** The user task of unit-support whose interrupting message boundary the proposal's message ends. */
  static final String SCHEDULING_TASK = "ScheduleSession";
  /** The longest range the calendar asks busy time for (a month view and then some). */
  private static final Duration MAX_BUSY_RANGE = Duration.ofDays(62);

  private final CaseVisibility visibility;
  private final CaseFile caseFile;
  private final AssignmentHistory assignments;
  private final UnitCatalogue catalogue;
  private final MaintenanceSchedule maintenance;
  private final FacilityCalendar facilityCalendar;
  private final BookedSessions bookedSessions;
  private final SlotProposals proposals;
  private final StaffTasks staffTasks;
  private final StaffViewers viewers;
  private final MessageSource messages;
  private final MadoguchiProperties properties;
  private final Clock clock;

  ProposalPages(
      CaseVisibility visibility, CaseFile caseFile, AssignmentHistory assignments, UnitCatalogue catalogue,
      MaintenanceSchedule maintenance, FacilityCalendar facilityCalendar, BookedSessions bookedSessions, SlotProposals proposals,
      StaffTasks staffTasks, StaffViewers viewers, MessageSource messages, MadoguchiProperties properties, Clock clock) {
    this.visibility = visibility;
    this.caseFile = caseFile;
    this.assignments = assignments;
    this.catalogue = catalogue;
    this.maintenance = maintenance;
    this.facilityCalendar = facilityCalendar;
    this.bookedSessions = bookedSessions;
    this.proposals = proposals;
    this.staffTasks = staffTasks;
    this.viewers = viewers;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
  }

  /** An instrument on the page, with the grid its slots snap to. */
  record InstrumentChoice(long id, String name, long granularityMinutes) {}

  /** A case the viewer may propose slots for, for the unit chosen (the first they may, unless asked). */
  private record Scheduling(StaffViewer viewer, CaseSummary summary, List<String> units, String unit) {}

  @GetMapping(PAGE)
  String page(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber,
      @RequestParam(required = false) String unit, Model model) {
    Scheduling scheduling = scheduling(account, caseNumber, unit);
    ProposalForm form = new ProposalForm();
    form.setUnit(scheduling.unit());
    return render(scheduling, form, Map.of(), model);
  }

  /** Post, redirect, get; refused slots show the page again with the reasons at their rows. */
  @PostMapping(PAGE)
  String propose(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber,
      @Valid @ModelAttribute("proposalForm") ProposalForm form, BindingResult binding, Model model, Locale locale,
      HttpServletResponse response, RedirectAttributes redirect) {
    Scheduling scheduling = scheduling(account, caseNumber, form.getUnit());
    Map<String, List<String>> problems = new LinkedHashMap<>();
    binding.getFieldErrors().forEach(error ->
        problems.computeIfAbsent(rowKey(error.getField()), k -> new ArrayList<>())
            .add(error.isBindingFailure() ? messages.getMessage("proposals.field.unreadable", null, locale) : messages.getMessage(error, locale)));
    if (!problems.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(scheduling, form, problems, model);
    }
    List<Integer> rows = new ArrayList<>();
    List<ProposedSlot> slots = new ArrayList<>();
    ZoneId zone = properties.timeZone();
    for (int row = 0; row < form.getSlots().size(); row++) {
      ProposalForm.Row filled = form.getSlots().get(row);
      if (!filled.blank()) {
        rows.add(row);
        slots.add(new ProposedSlot(
            filled.getInstrumentId() == null ? 0 : filled.getInstrumentId(), instant(filled.getStart(), zone),
            instant(filled.getEnd(), zone)));
      }
    }
    if (!awaitsScheduling(scheduling)) {
      // Only a waiting scheduling task takes the proposal's message; anywhere else it would go unheard.
      problems.put("slots", List.of(messages.getMessage("proposals.not-scheduling", new Object[] {scheduling.unit()}, locale)));
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return render(scheduling, form, problems, model);
    }
    try {
      proposals.propose(scheduling.summary().caseId(), scheduling.unit(), slots, scheduling.viewer().actor());
    } catch (RuleViolationException refused) {
      refused.violations().forEach(v -> problems.computeIfAbsent(pageRow(v.field(), rows), k -> new ArrayList<>())
          .add(messages.getMessage(v.messageKey(), v.arguments(), locale)));
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return render(scheduling, form, problems, model);
    } catch (StateConflictException | InvalidRequestException refused) {
      problems.put("slots", List.of(refusalText(refused, locale)));
      response.setStatus(refused instanceof StateConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
      return render(scheduling, form, problems, model);
    }
    redirect.addFlashAttribute("proposed", true);
    return "redirect:/console/cases/" + caseNumber + "/proposals?unit=" + scheduling.unit();
  }

  /**
   * The instrument's busy time in {@code [start, end)} (facility time, as the calendar asks for it) as
   * background events: bookings, maintenance and downtime windows, and the facility's closed days.
   */
  @GetMapping(PAGE + "/busy")
  @ResponseBody
  List<Map<String, Object>> busy(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @RequestParam String unit,
      @RequestParam long instrumentId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime end, Locale locale) {
    Scheduling scheduling = scheduling(account, caseNumber, unit);
    Instrument instrument = catalogue.instrument(instrumentId)
        .filter(i -> i.unitCode().equals(scheduling.unit()))
        .orElseThrow(() -> new NotFoundException("instrument"));
    ZoneId zone = properties.timeZone();
    Instant from = instant(start, zone);
    Instant to = instant(end, zone);
    if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_BUSY_RANGE) > 0) {
      throw InvalidRequestException.of("end", "proposals.busy.range", MAX_BUSY_RANGE.toDays());
    }
    List<Map<String, Object>> events = new ArrayList<>();
    String booked = messages.getMessage("proposals.busy.booking", null, locale);
    bookedSessions.onInstrument(instrument.id(), from, from).stream()
        .filter(s -> !s.cancelled() && s.start().isBefore(to))
        .forEach(s -> events.add(busyEvent(s.start(), s.end(), booked, "busy-booking", zone)));
    maintenance.overlapping(instrument.id(), from, to).forEach(w ->
        events.add(busyEvent(w.startsAt(), w.endsAt(), messages.getMessage("proposals.busy.maintenance", new Object[] {w.reason()}, locale),
            "busy-maintenance", zone)));
    facilityCalendar.closedDays(start.toLocalDate(), end.toLocalDate()).forEach(day ->
        events.add(busyEvent(day.date().atStartOfDay(zone).toInstant(), day.date().plusDays(1).atStartOfDay(zone).toInstant(),
            messages.getMessage("proposals.busy.closed", new Object[] {day.description()}, locale), "busy-closed", zone)));
    return events;
  }

  private String render(Scheduling scheduling, ProposalForm form, Map<String, List<String>> problems, Model model) {
    form.padTo(SlotProposals.MAX_SLOTS);
    List<InstrumentChoice> instruments = catalogue.instruments(scheduling.unit()).stream()
        .filter(Instrument::active)
        .map(i -> new InstrumentChoice(
            i.id(), i.name(), catalogue.bookingRules(i.id()).map(InstrumentBookingRules::granularity).orElse(Duration.ofMinutes(30)).toMinutes()))
        .toList();
    List<ProposalView> ofUnit = proposals.ofCase(scheduling.summary().caseId()).stream()
        .filter(p -> p.unitCode().equals(scheduling.unit()))
        .toList();
    model.addAttribute("viewer", scheduling.viewer());
    model.addAttribute("summary", scheduling.summary());
    model.addAttribute("units", scheduling.units());
    model.addAttribute("unit", scheduling.unit());
    model.addAttribute("instruments", instruments);
    model.addAttribute("openProposal", ofUnit.stream().filter(ProposalView::open).findFirst().orElse(null));
    model.addAttribute("pastProposals", ofUnit.stream().filter(p -> !p.open()).toList());
    model.addAttribute("awaitsScheduling", awaitsScheduling(scheduling));
    model.addAttribute("proposalForm", form);
    model.addAttribute("problems", problems);
    model.addAttribute("maxSlots", SlotProposals.MAX_SLOTS);
    model.addAttribute("zone", properties.timeZone().getId());
    model.addAttribute("calendarStart", LocalDate.ofInstant(clock.instant(), properties.timeZone()).toString());
    return "console/proposals";
  }

  /**
   * The case if the viewer may see it (404 otherwise) and a unit that accepted it and the viewer
   * coordinates (admins: any such unit); 403 if there is none.
   */
  private Scheduling scheduling(SignedInAccount account, String caseNumber, String requestedUnit) {
    StaffViewer viewer = viewers.of(account);
    long caseId = visibility.require(viewer, caseNumber);
    boolean admin = viewer.groups().contains(StaffGroup.ADMINS);
    List<String> units = assignments.forStaff(caseId).stream()
        .map(AssignmentHistory.AssignmentView::unitCode)
        .distinct()
        .filter(code -> assignments.accepted(caseId, code))
        .filter(code -> admin || viewer.groups().stream().anyMatch(g -> g.name().equals("unit-" + code)))
        .toList();
    if (units.isEmpty()) {
      throw new AccessDeniedException("slots are proposed by the coordinators of a unit that accepted the case, and admins");
    }
    String unit = requestedUnit == null || requestedUnit.isBlank() ? units.getFirst() : requestedUnit;
    if (!units.contains(unit)) {
      throw new AccessDeniedException("unit " + unit + " does not schedule this case for this viewer");
    }
    return new Scheduling(viewer, caseFile.get(caseId), units, unit);
  }

  /** Whether the unit's scheduling task (ScheduleSession in unit-support) is open for the case. */
  private boolean awaitsScheduling(Scheduling scheduling) {
    return staffTasks.openForCase(scheduling.summary().caseId()).stream()
        .anyMatch(t -> t.elementId().equals(SCHEDULING_TASK) && t.candidateGroup().equals("unit-" + scheduling.unit()));
  }

  private static Map<String, Object> busyEvent(Instant start, Instant end, String title, String kind, ZoneId zone) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("start", LocalDateTime.ofInstant(start, zone).toString());
    event.put("end", LocalDateTime.ofInstant(end, zone).toString());
    event.put("title", title);
    event.put("display", "background");
    event.put("classNames", List.of(kind));
    return event;
  }

  private static Instant instant(LocalDateTime local, ZoneId zone) {
    return local == null ? null : local.atZone(zone).toInstant();
  }

  /** {@code slots[2].start} -> {@code slots[2]}; anything else is about the whole proposal. */
  private static String rowKey(String field) {
    return field.startsWith("slots[") ? field.substring(0, field.indexOf(']') + 1) : "slots";
  }

  /** A refusal of the proposal's i-th slot belongs to the page row it came from (empty rows are left out). */
  private static String pageRow(String field, List<Integer> rows) {
    if (!field.startsWith("slots[")) {
      return "slots";
    }
    int index = Integer.parseInt(field.substring("slots[".length(), field.indexOf(']')));
    return "slots[" + rows.get(index) + "]";
  }

  private String refusalText(RuntimeException refused, Locale locale) {
    if (refused instanceof StateConflictException conflict) {
      return messages.getMessage(conflict.messageKey(), conflict.arguments(), locale);
    }
    InvalidRequestException.Violation first = ((InvalidRequestException) refused).violations().getFirst();
    return messages.getMessage(first.messageKey(), first.arguments(), locale);
  }
}
