package org.madoguchi.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.MaintenanceWindow;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hours per instrument in one month of facility time (docs/booking.md, "Utilisation"). Every period is
 * clipped to the month. Opening hours: {@code madoguchi.booking.workday-start}..{@code workday-end} on
 * Monday to Friday, except the facility's closed days. Booked: reserved, completed and no-show bookings.
 * Used: the actual hours recorded on completed bookings that start in the month. Maintenance: maintenance
 * and downtime windows. No-show: the no-show bookings. Idle: opening hours minus booked and maintenance,
 * never below zero.
 */
@NamedInterface("api")
@Service
public class Utilisation {

  /** One instrument's month; hours with two decimals. */
  @NamedInterface("api")
  public record InstrumentMonth(
      long instrumentId, String unitCode, String instrument, String instrumentClass, BigDecimal openingHours,
      BigDecimal bookedHours, BigDecimal usedHours, BigDecimal maintenanceHours, BigDecimal idleHours, BigDecimal noShowHours) {}

  private static final Set<BookingStatus> BOOKED = Set.of(BookingStatus.RESERVED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW);

  private final BookingRepository bookings;
  private final UsageRecordRepository records;
  private final UnitCatalogue catalogue;
  private final MaintenanceSchedule maintenance;
  private final FacilityCalendar calendar;
  private final BookingProperties properties;
  private final ZoneId zone;

  Utilisation(
      BookingRepository bookings, UsageRecordRepository records, UnitCatalogue catalogue, MaintenanceSchedule maintenance,
      FacilityCalendar calendar, BookingProperties properties, MadoguchiProperties facility) {
    this.bookings = bookings;
    this.records = records;
    this.catalogue = catalogue;
    this.maintenance = maintenance;
    this.calendar = calendar;
    this.properties = properties;
    this.zone = facility.timeZone();
  }

  /** The instruments of {@code unitCodes} (active ones, and retired ones with hours in the month), by unit then id. */
  @Transactional(readOnly = true)
  public List<InstrumentMonth> month(YearMonth month, Collection<String> unitCodes) {
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    Duration opening = openingHours(month);
    List<InstrumentMonth> rows = new ArrayList<>();
    for (String unitCode : unitCodes.stream().sorted().toList()) {
      for (Instrument instrument : catalogue.instruments(unitCode)) {
        InstrumentMonth row = instrumentMonth(instrument, from, to, opening);
        if (instrument.active() || row.bookedHours().signum() > 0 || row.maintenanceHours().signum() > 0) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private InstrumentMonth instrumentMonth(Instrument instrument, Instant from, Instant to, Duration opening) {
    List<Booking> inMonth = bookings.onInstrumentBetween(instrument.id(), from, to, BookingStatus.CANCELLED);
    Duration booked = Duration.ZERO;
    Duration noShow = Duration.ZERO;
    for (Booking b : inMonth) {
      Duration clipped = clipped(b.slotStart(), b.slotEnd(), from, to);
      if (BOOKED.contains(b.status())) {
        booked = booked.plus(clipped);
      }
      if (b.status() == BookingStatus.NO_SHOW) {
        noShow = noShow.plus(clipped);
      }
    }
    Map<Long, Booking> completedFromMonth =
        inMonth.stream()
            .filter(b -> b.status() == BookingStatus.COMPLETED && !b.slotStart().isBefore(from))
            .collect(Collectors.toMap(Booking::id, b -> b));
    BigDecimal used =
        completedFromMonth.isEmpty()
            ? BigDecimal.ZERO
            : records.findByBookingIdIn(completedFromMonth.keySet()).stream()
                .map(UsageRecord::actualHours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    Duration maintained = Duration.ZERO;
    for (MaintenanceWindow window : maintenance.overlapping(instrument.id(), from, to)) {
      maintained = maintained.plus(clipped(window.startsAt(), window.endsAt(), from, to));
    }
    Duration idle = opening.minus(booked).minus(maintained);
    return new InstrumentMonth(
        instrument.id(), instrument.unitCode(), instrument.name(), instrument.instrumentClass(), hours(opening), hours(booked),
        used.setScale(2, RoundingMode.HALF_UP), hours(maintained), hours(idle.isNegative() ? Duration.ZERO : idle), hours(noShow));
  }

  /** Working days (Monday to Friday, not closed) times the working hours of each day, as they really run. */
  Duration openingHours(YearMonth month) {
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    Set<LocalDate> closed =
        calendar.closedDays(first, last).stream().map(FacilityCalendar.ClosedDay::date).collect(Collectors.toSet());
    Duration total = Duration.ZERO;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !closed.contains(day)) {
        total = total.plus(Duration.between(
            day.atTime(properties.workdayStart()).atZone(zone), day.atTime(properties.workdayEnd()).atZone(zone)));
      }
    }
    return total;
  }

  private static Duration clipped(Instant start, Instant end, Instant from, Instant to) {
    Instant s = start.isAfter(from) ? start : from;
    Instant e = end.isBefore(to) ? end : to;
    return e.isAfter(s) ? Duration.between(s, e) : Duration.ZERO;
  }

  private static BigDecimal hours(Duration duration) {
    return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }
}
