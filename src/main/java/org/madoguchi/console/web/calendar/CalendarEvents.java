package org.madoguchi.console.web.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.madoguchi.booking.BookingCalendar;
import org.madoguchi.booking.BookingCalendar.CalendarBooking;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.units.FacilityCalendar.ClosedDay;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.MaintenanceWindow;
import org.madoguchi.units.WindowKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a calendar of the booking feature into EventCalendar's events, titled in the reader's language:
 * bookings (movable ones draggable when the viewer may move them), maintenance and downtime windows and
 * closed days, each kind with its own colour (the page's legend shows the same).
 */
@Component
class CalendarEvents {

  static final String SESSION_PAGE = "/console/sessions/";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** The legend's colours; console.css gives the legend swatches the same. */
  private static final Map<String, String> COLOURS = Map.of(
      "booking", "#24486e", "completed", "#5b6b7a", "maintenance", "#b36b00", "downtime", "#a4262c",
      "holiday", "#6b4fa0", "closure", "#6b4fa0");

  private final MessageSource messages;

  CalendarEvents(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * @param instruments the instruments shown, by id (to name them in the titles)
   * @param mayMove whether the viewer may move the bookings of a unit
   */
  List<CalendarEvent> of(
      BookingCalendar.CalendarEvents calendar, LongFunction<Instrument> instruments, Predicate<String> mayMove,
      ZoneId zone, Instant now, Locale locale) {
    List<CalendarEvent> events = new ArrayList<>();
    for (ClosedDay day : calendar.closedDays()) {
      String kind = day.publicHoliday() ? "holiday" : "closure";
      events.add(new CalendarEvent(
          kind + "-" + day.date(), text("calendar-views.event." + kind, locale, day.description()), day.date().toString(),
          day.date().plusDays(1).toString(), true, kind, List.of("ev-" + kind), COLOURS.get(kind), false, Map.of()));
    }
    for (MaintenanceWindow window : calendar.windows()) {
      String kind = window.kind() == WindowKind.UNPLANNED ? "downtime" : "maintenance";
      events.add(new CalendarEvent(
          "window-" + window.id(),
          text("calendar-views.event." + kind, locale, window.reason(), instruments.apply(window.instrumentId()).name()),
          local(window.startsAt(), zone), local(window.endsAt(), zone), null, kind, List.of("ev-" + kind), COLOURS.get(kind),
          false, Map.of("instrumentId", window.instrumentId())));
    }
    for (CalendarBooking booking : calendar.bookings()) {
      events.add(booking(booking, instruments.apply(booking.instrumentId()), mayMove.test(booking.unitCode()), zone, now, locale));
    }
    return events;
  }

  CalendarEvent booking(CalendarBooking booking, Instrument instrument, boolean mayMove, ZoneId zone, Instant now, Locale locale) {
    boolean completed = "COMPLETED".equals(booking.status());
    String status = messages.getMessage("booking.status." + booking.status(), null, booking.status(), locale);
    String bookedBy = bookedBy(booking.bookedBy(), locale);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("bookingId", booking.bookingId());
    props.put("caseNumber", booking.caseNumber());
    props.put("status", booking.status());
    props.put("statusLabel", status);
    props.put("instrumentId", booking.instrumentId());
    props.put("instrument", instrument.name());
    props.put("bookedBy", bookedBy);
    props.put("localStart", local(booking.start(), zone));
    props.put("localEnd", local(booking.end(), zone));
    props.put("link", SESSION_PAGE + booking.bookingId());
    props.put("version", booking.version());
    return new CalendarEvent(
        "booking-" + booking.bookingId(),
        text("calendar-views.event.booking", locale, booking.caseNumber(), status, instrument.name(), bookedBy),
        local(booking.start(), zone), local(booking.end(), zone), null, "booking",
        List.of("ev-booking", completed ? "ev-completed" : "ev-reserved"), COLOURS.get(completed ? "completed" : "booking"),
        mayMove && booking.movableAt(now), props);
  }

  private String bookedBy(Actor actor, Locale locale) {
    if (actor == null) {
      return text("calendar-views.booked-by.engine", locale);
    }
    return actor.name() != null ? actor.name() : actor.group();
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  static String local(Instant instant, ZoneId zone) {
    return LOCAL.format(LocalDateTime.ofInstant(instant, zone));
  }
}
