package org.madoguchi.console.web.calendar;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.BookingCalendar;
import org.madoguchi.booking.BookingCalendar.CalendarBooking;
import org.madoguchi.booking.ExactBookings;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.console.web.StaffViewers;
import org.madoguchi.console.web.calendar.CalendarAccess.VisibleUnit;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The staff calendars: a unit's or one instrument's week and day, and an operator's own (the sessions on
 * the instruments they are qualified for), drawn by EventCalendar from the events endpoint, with drag to
 * move a booking for the unit's coordinators and admins. Times are facility time, labelled on the page.
 */
@Controller
class CalendarPages {

  static final String PAGE = "/console/calendar";
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final CalendarAccess access;
  private final CalendarEvents events;
  private final BookingCalendar calendar;
  private final ExactBookings exactBookings;
  private final UnitCatalogue catalogue;
  private final StaffViewers viewers;
  private final MadoguchiProperties properties;
  private final Clock clock;

  CalendarPages(
      CalendarAccess access, CalendarEvents events, BookingCalendar calendar, ExactBookings exactBookings, UnitCatalogue catalogue,
      StaffViewers viewers, MadoguchiProperties properties, Clock clock) {
    this.access = access;
    this.events = events;
    this.calendar = calendar;
    this.exactBookings = exactBookings;
    this.catalogue = catalogue;
    this.viewers = viewers;
    this.properties = properties;
    this.clock = clock;
  }

  /** The calendar page; without a unit, the first the viewer sees; {@code mine} the operator's own. */
  @GetMapping(PAGE)
  String page(
      @AuthenticationPrincipal SignedInAccount account,
      @RequestParam(name = "unit", required = false) String unitCode,
      @RequestParam(name = "instrument", required = false) Long instrumentId,
      @RequestParam(name = "mine", defaultValue = "false") boolean mine,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "view", defaultValue = "week") String view,
      Model model) {
    StaffViewer viewer = viewers.of(account);
    List<VisibleUnit> units = access.visibleUnits(viewer);
    VisibleUnit unit = null;
    if (!mine && unitCode != null) {
      unit = access.requireUnit(viewer, unitCode);
    } else if (!mine && !units.isEmpty()) {
      unit = units.get(0);
    }
    Instrument instrument = unit == null || instrumentId == null ? null : instrumentOf(unit, instrumentId);
    model.addAttribute("viewer", viewer);
    model.addAttribute("units", units);
    model.addAttribute("unit", unit);
    model.addAttribute("instrument", instrument);
    model.addAttribute("mine", mine);
    model.addAttribute("operator", !access.qualifiedInstruments(viewer).isEmpty());
    model.addAttribute("mayMove", unit != null && CalendarAccess.mayMove(viewer, unit.unit().code()));
    model.addAttribute("date", date != null && DATE.matcher(date).matches() ? date : today().toString());
    model.addAttribute("view", "day".equals(view) ? "timeGridDay" : "timeGridWeek");
    model.addAttribute("zone", properties.timeZone().getId());
    return "console/calendar";
  }

  /**
   * EventCalendar's events for the facility-time dates {@code [start, end)}: a unit's (all its instruments
   * the viewer sees, or one of them) or, with {@code mine}, the viewer's qualified instruments'.
   */
  @GetMapping(path = PAGE + "/events", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<CalendarEvent> events(
      @AuthenticationPrincipal SignedInAccount account,
      @RequestParam(name = "unit", required = false) String unitCode,
      @RequestParam(name = "instrument", required = false) String instrumentParam,
      @RequestParam(name = "mine", defaultValue = "false") boolean mine,
      @RequestParam(name = "start", required = false) String start,
      @RequestParam(name = "end", required = false) String end,
      Locale locale) {
    StaffViewer viewer = viewers.of(account);
    LocalDate from = date("start", start);
    LocalDate to = date("end", end);
    Map<Long, Instrument> shown = new HashMap<>();
    if (mine) {
      catalogue.instruments(access.qualifiedInstruments(viewer)).forEach(i -> shown.put(i.id(), i));
    } else {
      if (unitCode == null || unitCode.isBlank()) {
        throw InvalidRequestException.of("unit", "calendar-views.unit.missing");
      }
      VisibleUnit unit = access.requireUnit(viewer, unitCode);
      if (instrumentParam == null || instrumentParam.isBlank()) {
        unit.instruments().forEach(i -> shown.put(i.id(), i));
      } else {
        Instrument instrument = instrumentOf(unit, instrumentId(instrumentParam));
        shown.put(instrument.id(), instrument);
      }
    }
    BookingCalendar.CalendarEvents found = calendar.events(shown.keySet(), from, to);
    return events.of(found, shown::get, code -> CalendarAccess.mayMove(viewer, code), zone(), clock.instant(), locale);
  }

  /**
   * Moves a booking dragged on the calendar: 403 unless the viewer coordinates its unit or is an admin;
   * 422 naming each broken rule, 409 when another booking holds the new slot (the page puts it back).
   */
  @PostMapping(path = PAGE + "/bookings/{bookingId}/move", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  CalendarEvent move(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long bookingId, @Valid @RequestBody MoveRequest request,
      Locale locale) {
    StaffViewer viewer = viewers.of(account);
    CalendarBooking booking = calendar.booking(bookingId).orElseThrow(() -> new NotFoundException("booking"));
    CalendarAccess.requireMove(viewer, booking.unitCode());
    long instrumentId = request.instrumentId() == null ? booking.instrumentId() : request.instrumentId();
    ZoneId zone = zone();
    exactBookings.move(
        bookingId, instrumentId, request.start().atZone(zone).toInstant(), request.end().atZone(zone).toInstant(), viewer.actor());
    CalendarBooking moved = calendar.booking(bookingId).orElseThrow();
    Instrument instrument = catalogue.instrument(moved.instrumentId()).orElseThrow();
    return events.booking(moved, instrument, true, zone, clock.instant(), locale);
  }

  private static Instrument instrumentOf(VisibleUnit unit, long instrumentId) {
    return unit.instrument(instrumentId)
        .orElseThrow(() -> InvalidRequestException.of("instrument", "calendar-views.instrument.unknown", instrumentId, unit.unit().code()));
  }

  private static long instrumentId(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw InvalidRequestException.of("instrument", "calendar-views.instrument.unknown", value, "");
    }
  }

  /** A date, or the date part of an ISO date-time (what EventCalendar sends). */
  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String day = value.strip();
    day = day.length() > 10 && day.charAt(10) == 'T' ? day.substring(0, 10) : day;
    try {
      if (!DATE.matcher(day).matches()) {
        throw new DateTimeParseException("not yyyy-mm-dd", day, 0);
      }
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw InvalidRequestException.of(field, "calendar-views.date.invalid");
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone());
  }

  private ZoneId zone() {
    return properties.timeZone();
  }

}
