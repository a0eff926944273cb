package org.madoguchi.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.units.InstrumentBookingRules;

/**
 * The time rules of a slot chosen by a person, read in facility time. Pure: no database, no clock.
 *
 * <p>The grid is wall-clock: a point is on it when its local minute of the day is a multiple of the
 * granularity (what people see on a calendar), and it must also be a boundary of the 30-minute cells of
 * booking_slots. Lengths and lead time are real elapsed time, so a session over a daylight-saving switch
 * is as long as it really runs, not as its wall-clock hours suggest.
 */
final class SlotRules {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final long CELL_SECONDS = SlotPlanner.SLOT.toSeconds();

  /** The end of MariaDB's TIMESTAMP range, in which bookings and their slot rows are stored. */
  static final Instant LATEST_END = Instant.parse("2038-01-01T00:00:00Z");

  private final ZoneId zone;

  SlotRules(ZoneId zone) {
    this.zone = zone;
  }

  /** Every rule {@code [start, end)} breaks at {@code now}; empty if it may be booked (slots permitting). */
  List<BookingRefusal> check(InstrumentBookingRules rules, Instant now, Instant start, Instant end) {
    List<BookingRefusal> refusals = new ArrayList<>();
    if (start == null || end == null || !end.isAfter(start)) {
      refusals.add(new BookingRefusal(BookingRule.PERIOD, end == null || start != null ? "end" : "start"));
      return refusals;
    }
    if (end.isAfter(LATEST_END)) {
      refusals.add(new BookingRefusal(BookingRule.HORIZON, "end", local(LATEST_END)));
      return refusals;
    }
    long granularity = rules.granularity().toMinutes();
    if (!onGrid(start, granularity)) {
      refusals.add(new BookingRefusal(BookingRule.GRID, "start", local(start), Long.toString(granularity)));
    }
    if (!onGrid(end, granularity)) {
      refusals.add(new BookingRefusal(BookingRule.GRID, "end", local(end), Long.toString(granularity)));
    }
    if (start.isBefore(now)) {
      refusals.add(new BookingRefusal(BookingRule.PAST, "start", local(start)));
    } else if (start.isBefore(now.plus(rules.leadTime()))) {
      refusals.add(new BookingRefusal(
          BookingRule.LEAD_TIME, "start", Long.toString(rules.leadTime().toHours()), local(now.plus(rules.leadTime()))));
    }
    Duration length = Duration.between(start, end);
    if (length.compareTo(rules.minSession()) < 0) {
      refusals.add(new BookingRefusal(
          BookingRule.MIN_LENGTH, "end", Long.toString(length.toMinutes()), Long.toString(rules.minSession().toMinutes())));
    }
    if (length.compareTo(rules.maxSession()) > 0) {
      refusals.add(new BookingRefusal(
          BookingRule.MAX_LENGTH, "end", Long.toString(length.toMinutes()), Long.toString(rules.maxSession().toMinutes())));
    }
    return refusals;
  }

  /** The number of booking_slots cells {@code [start, end)} covers; only for a period that passed {@link #check}. */
  static int cells(Instant start, Instant end) {
    return Math.toIntExact(Duration.between(start, end).toSeconds() / CELL_SECONDS);
  }

  String local(Instant instant) {
    return LOCAL.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
  }

  /** As the engine's variables carry times: ISO-8601 with the facility's offset. */
  String isoOffset(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
  }

  String zoneId() {
    return zone.getId();
  }

  LocalDateTime localDateTime(Instant instant) {
    return instant.atZone(zone).toLocalDateTime();
  }

  private boolean onGrid(Instant instant, long granularityMinutes) {
    if (instant.getNano() != 0 || instant.getEpochSecond() % CELL_SECONDS != 0) {
      return false;
    }
    LocalDateTime local = localDateTime(instant);
    return local.getSecond() == 0 && (local.getHour() * 60L + local.getMinute()) % granularityMinutes == 0;
  }
}
