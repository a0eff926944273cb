package org.madoguchi.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.BookingCalendar;
import org.madoguchi.booking.BookingCalendar.CalendarBooking;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The applicant's instrument sessions on all their requests, recent and coming: a month and week-list
 * calendar (EventCalendar) and the same sessions as a plain list, each leading to its request. Facility
 * time, labelled. Their iCalendar address is on {@code /account/calendar}.
 */
@Controller
class PortalSessions {

  static final String PAGE = "/portal/sessions";
  /** How far back the page still shows sessions. */
  static final Duration PAST = Duration.ofDays(90);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** One session as the page lists it; {@code start} and {@code end} facility-local. */
  record Session(long bookingId, String caseNumber, String instrument, String status, LocalDateTime start, LocalDateTime end) {}

  private final BookingCalendar calendar;
  private final UnitCatalogue catalogue;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final MadoguchiProperties properties;
  private final Clock clock;

  PortalSessions(
      BookingCalendar calendar, UnitCatalogue catalogue, MessageSource messages, ObjectMapper json, MadoguchiProperties properties,
      Clock clock) {
    this.calendar = calendar;
    this.catalogue = catalogue;
    this.messages = messages;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping(PAGE)
  String page(@AuthenticationPrincipal SignedInAccount account, Model model, Locale locale) throws JsonProcessingException {
    ZoneId zone = properties.timeZone();
    Map<Long, String> instruments = new HashMap<>();
    List<Session> sessions = calendar.ofApplicant(account.accountId(), clock.instant().minus(PAST)).stream()
        .map(b -> session(b, instruments, zone, locale))
        .toList();
    model.addAttribute("sessions", sessions);
    model.addAttribute("events", json.writeValueAsString(sessions.stream().map(this::event).toList()));
    model.addAttribute("date", LocalDateTime.ofInstant(clock.instant(), zone).toLocalDate().toString());
    model.addAttribute("zone", zone.getId());
    return "portal/sessions";
  }

  private Session session(CalendarBooking booking, Map<Long, String> instruments, ZoneId zone, Locale locale) {
    String instrument = instruments.computeIfAbsent(
        booking.instrumentId(), id -> catalogue.instrument(id).map(Instrument::name).orElse(""));
    return new Session(
        booking.bookingId(), booking.caseNumber(), instrument,
        messages.getMessage("booking.status." + booking.status(), null, booking.status(), locale),
        LocalDateTime.ofInstant(booking.start(), zone), LocalDateTime.ofInstant(booking.end(), zone));
  }

  /** The session as an EventCalendar event, linking to its request. */
  private Map<String, Object> event(Session session) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", "booking-" + session.bookingId());
    event.put("title", session.caseNumber() + " · " + session.instrument() + " (" + session.status() + ")");
    event.put("start", LOCAL.format(session.start()));
    event.put("end", LOCAL.format(session.end()));
    event.put("extendedProps", Map.of("link", PageLinks.path(PageLinks.CASE_PAGE, session.caseNumber())));
    return event;
  }
}
