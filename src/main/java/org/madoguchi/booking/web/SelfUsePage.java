package org.madoguchi.booking.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.ExactBookings.BookedSession;
import org.madoguchi.booking.SelfUseBookings;
import org.madoguchi.booking.SelfUseBookings.SelfUseOption;
import org.madoguchi.booking.SlotUnavailableException;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's self-use page of a case: the instruments the case may use alone with the applicant's
 * qualification, a week calendar of when the chosen one is taken (bookings and maintenance, facility
 * time), and a form to book a session. A refused session shows the page again (422) with each broken
 * rule at its field; nothing is booked.
 */
@Controller
class SelfUsePage {

  static final String PAGE = "/portal/requests/{caseNumber}/self-use";
  /** How far ahead the calendar shows taken time. */
  private static final int WEEKS_SHOWN = 12;
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A refused rule as the page shows it. */
  record Refusal(String field, String rule, String message) {}

  private final SelfUseBookings selfUse;
  private final CaseFile caseFile;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final ZoneId zone;
  private final Clock clock;

  SelfUsePage(SelfUseBookings selfUse, CaseFile caseFile, MessageSource messages, ObjectMapper json, MadoguchiProperties facility, Clock clock) {
    this.selfUse = selfUse;
    this.caseFile = caseFile;
    this.messages = messages;
    this.json = json;
    this.zone = facility.timeZone();
    this.clock = clock;
  }

  @GetMapping(PAGE)
  String page(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber,
      @RequestParam(name = "instrument", required = false) Long instrumentId,
      @RequestParam(name = "week", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week, Model model) {
    CaseSummary c = caseFile.getOwned(caseNumber, account.accountId());
    SelfUseForm form = new SelfUseForm();
    form.setInstrumentId(instrumentId);
    String page = render(c, account, form, List.of(), model);
    if (week != null) {
      model.addAttribute("shownWeek", week.toString());
    }
    return page;
  }

  /** The page's form only. */
  @PostMapping(value = PAGE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  String book(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber,
      @Valid @ModelAttribute("form") SelfUseForm form, BindingResult errors, Model model, HttpServletResponse response,
      RedirectAttributes redirect, Locale locale) {
    CaseSummary c = caseFile.getOwned(caseNumber, account.accountId());
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(c, account, form, List.of(), model);
    }
    try {
      BookedSession session = selfUse.book(
          c.caseId(), account.accountId(), account.getUsername(), form.getInstrumentId(),
          form.getStart().atZone(zone).toInstant(), form.getEnd().atZone(zone).toInstant());
      redirect.addFlashAttribute("booked", new String[] {READABLE.format(session.start().atZone(zone)), READABLE.format(session.end().atZone(zone))});
      return "redirect:" + PAGE.replace("{caseNumber}", c.caseNumber()) + "?instrument=" + session.instrumentId()
          + "&week=" + session.start().atZone(zone).toLocalDate();
    } catch (RuleViolationException refused) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      List<Refusal> refusals = refused.violations().stream()
          .map(v -> new Refusal(v.field(), v.rule(), messages.getMessage(v.messageKey(), v.arguments(), v.messageKey(), locale)))
          .toList();
      return render(c, account, form, refusals, model);
    } catch (SlotUnavailableException taken) {
      response.setStatus(HttpStatus.CONFLICT.value());
      Refusal refusal = new Refusal("start", "slot-unavailable",
          messages.getMessage("selfuse.taken", null, "selfuse.taken", locale));
      return render(c, account, form, List.of(refusal), model);
    }
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "portal/not-found";
  }

  private String render(CaseSummary c, SignedInAccount account, SelfUseForm form, List<Refusal> refusals, Model model) {
    List<SelfUseOption> options = selfUse.options(c.caseId(), account.accountId());
    SelfUseOption selected = options.stream()
        .filter(o -> form.getInstrumentId() != null && o.instrument().id() == form.getInstrumentId())
        .findFirst()
        .orElse(options.stream().filter(SelfUseOption::bookable).findFirst().orElse(options.isEmpty() ? null : options.get(0)));
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    model.addAttribute("c", c);
    model.addAttribute("options", options);
    model.addAttribute("selected", selected);
    model.addAttribute("form", form);
    model.addAttribute("refusals", refusals);
    model.addAttribute("zone", zone.getId());
    model.addAttribute("today", today.toString());
    // The week shown first: the session's, when a refused one is shown again.
    model.addAttribute("shownWeek", form.getStart() == null ? today.toString() : form.getStart().toLocalDate().toString());
    model.addAttribute("events", selected == null ? "[]" : events(selected.instrument().id(), today));
    return "portal/self-use";
  }

  /** Taken time as EventCalendar events, in facility-local ISO times without offset (the calendar has no time zones). */
  private String events(long instrumentId, LocalDate today) {
    Instant from = today.minusDays(7).atStartOfDay(zone).toInstant();
    Instant to = today.plusWeeks(WEEKS_SHOWN).atStartOfDay(zone).toInstant();
    List<Map<String, Object>> events = selfUse.busy(instrumentId, from, to).stream()
        .map(busy -> {
          Map<String, Object> event = new LinkedHashMap<>();
          event.put("start", local(busy.start()));
          event.put("end", local(busy.end()));
          event.put("kind", busy.maintenance() ? "maintenance" : "booking");
          return event;
        })
        .toList();
    try {
      return json.writeValueAsString(events);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String local(Instant instant) {
    return LOCAL.format(LocalDateTime.ofInstant(instant, zone));
  }
}
