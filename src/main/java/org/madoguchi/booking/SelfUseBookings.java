package org.madoguchi.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.booking.ExactBookings.BookedSession;
import org.madoguchi.booking.SelfUseQualifications.Qualification;
import org.madoguchi.booking.SelfUseQualifications.SelfUseRules;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.units.AssignmentHistory;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.SupportUnit;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-use booking: an applicant with a valid qualification books time on an instrument for their own
 * case, within the instrument's self-use rules (sessions per week, hours per case) and every rule of a
 * chosen slot ({@link ExactBookings}: grid, lead time, length, maintenance, closed days, the unit's
 * acceptance), through the same booking_slots rows. A booking renews the qualification: its last use
 * becomes the session's date.
 */
@NamedInterface("api")
@Service
public class SelfUseBookings {

  /** An instrument the case may use alone, with its rules and the applicant's qualification (null: none). */
  @NamedInterface("api")
  public record SelfUseOption(Instrument instrument, SelfUseRules rules, Qualification qualification) {
    public boolean bookable() {
      return qualification != null && qualification.valid();
    }
  }

  /** Time the instrument is taken: a booking or a maintenance window. */
  @NamedInterface("api")
  public record BusyPeriod(Instant start, Instant end, boolean maintenance) {}

  private final ExactBookings exactBookings;
  private final SelfUseQualifications qualifications;
  private final UnitCatalogue catalogue;
  private final AssignmentHistory assignments;
  private final MaintenanceSchedule maintenance;
  private final JdbcClient jdbc;
  private final ZoneId zone;
  private final TransactionTemplate transaction;

  SelfUseBookings(
      ExactBookings exactBookings,
      SelfUseQualifications qualifications,
      UnitCatalogue catalogue,
      AssignmentHistory assignments,
      MaintenanceSchedule maintenance,
      JdbcClient jdbc,
      MadoguchiProperties facility,
      PlatformTransactionManager transactionManager) {
    this.exactBookings = exactBookings;
    this.qualifications = qualifications;
    this.catalogue = catalogue;
    this.assignments = assignments;
    this.maintenance = maintenance;
    this.jdbc = jdbc;
    this.zone = facility.timeZone();
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
  }

  /** The active instruments allowing self-use in the units that accepted the case, with the applicant's qualification. */
  public List<SelfUseOption> options(long caseId, long accountId) {
    List<SelfUseOption> options = new ArrayList<>();
    for (SupportUnit unit : catalogue.units()) {
      if (!assignments.accepted(caseId, unit.code())) {
        continue;
      }
      for (Instrument instrument : catalogue.instruments(unit.code())) {
        SelfUseRules rules = qualifications.rules(instrument.id());
        if (instrument.active() && rules.allowed()) {
          options.add(new SelfUseOption(instrument, rules, qualifications.of(accountId, instrument.id()).orElse(null)));
        }
      }
    }
    return options;
  }

  /** Bookings (not cancelled) and maintenance windows of the instrument overlapping {@code [from, to)}, by start. */
  public List<BusyPeriod> busy(long instrumentId, Instant from, Instant to) {
    List<BusyPeriod> busy = new ArrayList<>(jdbc.sql(
            "SELECT slot_start, slot_end FROM bookings WHERE instrument_id = ? AND status <> 'CANCELLED' AND slot_end > ? AND slot_start < ?")
        .params(instrumentId, BookingSlots.utc(from), BookingSlots.utc(to))
        .query((row, n) -> new BusyPeriod(
            row.getTimestamp("slot_start").toLocalDateTime().toInstant(ZoneOffset.UTC),
            row.getTimestamp("slot_end").toLocalDateTime().toInstant(ZoneOffset.UTC), false))
        .list());
    maintenance.overlapping(instrumentId, from, to).forEach(w -> busy.add(new BusyPeriod(w.startsAt(), w.endsAt(), true)));
    busy.sort(Comparator.comparing(BusyPeriod::start));
    return busy;
  }

  /**
   * Books {@code [start, end)} on the instrument for the applicant's case, committed before this returns.
   *
   * @throws BookingRefusedException a self-use rule or a rule of the slot is broken; nothing is booked
   * @throws SlotUnavailableException another booking holds part of the slot
   */
  public BookedSession book(long caseId, long accountId, String email, long instrumentId, Instant start, Instant end) {
    return transaction.execute(status -> bookOnce(caseId, accountId, email, instrumentId, start, end));
  }

  private BookedSession bookOnce(long caseId, long accountId, String email, long instrumentId, Instant start, Instant end) {
    Optional<Instrument> instrument = catalogue.instrument(instrumentId);
    if (instrument.isEmpty()) {
      throw new BookingRefusedException(List.of(
          new BookingRefusal(BookingRule.UNKNOWN_INSTRUMENT, "instrumentId", Long.toString(instrumentId))));
    }
    String name = instrument.get().name();
    SelfUseRules rules = qualifications.rules(instrumentId);
    Optional<Qualification> qualification = qualifications.lockedOf(accountId, instrumentId);
    List<BookingRefusal> refusals = new ArrayList<>();
    if (!rules.allowed()) {
      refusals.add(new BookingRefusal(BookingRule.SELF_USE_ALLOWED, "instrumentId", name));
    }
    if (qualification.isEmpty() || qualification.get().standing() == SelfUseQualifications.Standing.REVOKED) {
      refusals.add(new BookingRefusal(BookingRule.SELF_USE_QUALIFIED, "instrumentId", name));
    } else if (!qualification.get().valid()) {
      refusals.add(new BookingRefusal(BookingRule.SELF_USE_EXPIRED, "instrumentId", name, qualification.get().lapsesOn().toString()));
    }
    if (start != null && end != null && end.isAfter(start)) {
      LocalDate monday = start.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      int thisWeek = sessionsInWeek(accountId, instrumentId, monday);
      if (thisWeek >= rules.maxBookingsPerWeek()) {
        refusals.add(new BookingRefusal(BookingRule.SELF_USE_WEEKLY, "start", Integer.toString(rules.maxBookingsPerWeek()), monday.toString()));
      }
      long usedMinutes = minutesOfCase(caseId, instrumentId);
      long quotaMinutes = rules.quotaHoursPerCase() * 60L;
      if (usedMinutes + Duration.between(start, end).toMinutes() > quotaMinutes) {
        refusals.add(new BookingRefusal(
            BookingRule.SELF_USE_QUOTA, "end", hours(usedMinutes), Integer.toString(rules.quotaHoursPerCase())));
      }
    }
    if (!refusals.isEmpty()) {
      throw new BookingRefusedException(refusals);
    }
    BookedSession session = exactBookings.book(caseId, instrument.get().unitCode(), instrumentId, start, end, Actor.applicant(email));
    jdbc.sql("INSERT INTO self_use_bookings (booking_id, account_id, case_id, instrument_id) VALUES (?, ?, ?, ?)")
        .params(session.bookingId(), accountId, caseId, instrumentId)
        .update();
    qualifications.markUsed(qualification.orElseThrow().id(), start.atZone(zone).toLocalDate());
    return session;
  }

  private int sessionsInWeek(long accountId, long instrumentId, LocalDate monday) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM self_use_bookings s JOIN bookings b ON b.id = s.booking_id
            WHERE s.account_id = ? AND s.instrument_id = ? AND b.status <> 'CANCELLED' AND b.slot_start >= ? AND b.slot_start < ?""")
        .params(accountId, instrumentId, BookingSlots.utc(monday.atStartOfDay(zone).toInstant()),
            BookingSlots.utc(monday.plusWeeks(1).atStartOfDay(zone).toInstant()))
        .query(Integer.class)
        .single();
  }

  private long minutesOfCase(long caseId, long instrumentId) {
    return jdbc.sql("""
            SELECT COALESCE(SUM(TIMESTAMPDIFF(MINUTE, b.slot_start, b.slot_end)), 0) FROM self_use_bookings s JOIN bookings b ON b.id = s.booking_id
            WHERE s.case_id = ? AND s.instrument_id = ? AND b.status <> 'CANCELLED'""")
        .params(caseId, instrumentId)
        .query(Long.class)
        .single();
  }

  private static String hours(long minutes) {
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
