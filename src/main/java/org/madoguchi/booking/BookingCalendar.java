package org.madoguchi.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.FacilityCalendar.ClosedDay;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.MaintenanceWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a week or day calendar of instruments shows: their live bookings (reserved or completed, with
 * the case number and who chose the slot), their maintenance and downtime windows, and the days the
 * facility is closed. Three queries whatever the number of instruments or bookings. The range is a span
 * of facility-time dates, {@code [from, to)}, at most {@value #MAX_DAYS} days.
 */
@NamedInterface("api")
@Service
public class BookingCalendar {

  /** Six weeks: a month view with its leading and trailing days. */
  public static final int MAX_DAYS = 42;

  /** A booking as a calendar shows it; {@code bookedBy} is null for a slot the engine chose. */
  @NamedInterface("api")
  public record CalendarBooking(
      long bookingId, long caseId, String caseNumber, String unitCode, long instrumentId, Instant start, Instant end,
      String status, Actor bookedBy, long version) {

    /** Reserved and not yet started: the only bookings that may be moved. */
    public boolean movableAt(Instant now) {
      return BookingStatus.RESERVED.name().equals(status) && start.isAfter(now);
    }
  }

  @NamedInterface("api")
  public record CalendarEvents(
      LocalDate from, LocalDate to, List<CalendarBooking> bookings, List<MaintenanceWindow> windows, List<ClosedDay> closedDays) {}

  private static final String BOOKINGS =
      "select b.id, b.case_id, c.case_number, b.unit_code, b.instrument_id, b.slot_start, b.slot_end, b.status, b.booked_by,"
          + " b.version from bookings b join cases c on c.id = b.case_id";

  private final JdbcClient jdbc;
  private final MaintenanceSchedule maintenance;
  private final FacilityCalendar facility;
  private final ZoneId zone;

  BookingCalendar(JdbcClient jdbc, MaintenanceSchedule maintenance, FacilityCalendar facility, MadoguchiProperties properties) {
    this.jdbc = jdbc;
    this.maintenance = maintenance;
    this.facility = facility;
    this.zone = properties.timeZone();
  }

  /**
   * The calendar of the instruments for the facility-time dates {@code [from, to)}.
   *
   * @throws InvalidRequestException naming {@code start} or {@code end} for a range that is empty,
   *     reversed or longer than {@value #MAX_DAYS} days
   */
  @Transactional(readOnly = true)
  public CalendarEvents events(Collection<Long> instrumentIds, LocalDate from, LocalDate to) {
    checkRange(from, to);
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.atStartOfDay(zone).toInstant();
    List<CalendarBooking> bookings =
        instrumentIds.isEmpty()
            ? List.of()
            : jdbc.sql(BOOKINGS + " where b.instrument_id in (:instruments) and b.status <> 'CANCELLED'"
                    + " and b.slot_start < :end and b.slot_end > :start order by b.slot_start, b.id")
                .param("instruments", instrumentIds)
                .param("start", BookingSlots.utc(start))
                .param("end", BookingSlots.utc(end))
                .query((row, n) -> booking(row))
                .list();
    return new CalendarEvents(
        from, to, bookings, maintenance.overlapping(instrumentIds, start, end), facility.closedDays(from, to.minusDays(1)));
  }

  /** The live bookings of the cases the account applied with that end after {@code endingAfter}, by start. */
  @Transactional(readOnly = true)
  public List<CalendarBooking> ofApplicant(long accountId, Instant endingAfter) {
    return jdbc.sql(BOOKINGS + " where c.account_id = :account and b.status <> 'CANCELLED' and b.slot_end > :after"
            + " order by b.slot_start, b.id")
        .param("account", accountId)
        .param("after", BookingSlots.utc(endingAfter))
        .query((row, n) -> booking(row))
        .list();
  }

  /** One booking, whatever its status. */
  @Transactional(readOnly = true)
  public Optional<CalendarBooking> booking(long bookingId) {
    return jdbc.sql(BOOKINGS + " where b.id = :id").param("id", bookingId).query((row, n) -> booking(row)).optional();
  }

  static void checkRange(LocalDate from, LocalDate to) {
    List<InvalidRequestException.Violation> problems = new ArrayList<>();
    if (from == null) {
      problems.add(new InvalidRequestException.Violation("start", "booking.calendar.range.missing"));
    }
    if (to == null) {
      problems.add(new InvalidRequestException.Violation("end", "booking.calendar.range.missing"));
    }
    if (from != null && to != null) {
      long days = ChronoUnit.DAYS.between(from, to);
      if (days < 1) {
        problems.add(new InvalidRequestException.Violation("end", "booking.calendar.range.order"));
      } else if (days > MAX_DAYS) {
        problems.add(new InvalidRequestException.Violation("end", "booking.calendar.range.too-long", days, MAX_DAYS));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static CalendarBooking booking(ResultSet row) throws SQLException {
    String bookedBy = row.getString("booked_by");
    return new CalendarBooking(
        row.getLong("id"), row.getLong("case_id"), row.getString("case_number"), row.getString("unit_code"),
        row.getLong("instrument_id"), instant(row.getObject("slot_start", LocalDateTime.class)),
        instant(row.getObject("slot_end", LocalDateTime.class)), row.getString("status"),
        bookedBy == null ? null : Actor.parse(bookedBy), row.getLong("version"));
  }

  /** Bookings are stored as UTC wall-clock times (Hibernate's {@code jdbc.time_zone}), whatever the JVM's zone. */
  private static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }
}
