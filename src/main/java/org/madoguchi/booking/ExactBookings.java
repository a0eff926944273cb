package org.madoguchi.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.units.AssignmentHistory;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.InstrumentBookingRules;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.MaintenanceWindow;
import org.madoguchi.units.UnitCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books the exact slot a person chose (a unit coordinator; later the applicant or a trained self-user)
 * on one instrument of a unit that accepted the case, after checking every rule of the instrument; a refused slot names each broken rule
 * ({@link BookingRefusedException}). The slot rows in booking_slots stay the last line: whichever path
 * (this one, the earliest-slot worker) holds a cell first wins, and a request that loses that race gets
 * {@link SlotUnavailableException}. Either way nothing is booked.
 */
@NamedInterface("api")
@Service
public class ExactBookings {

  private static final Logger log = LoggerFactory.getLogger(ExactBookings.class);
  private static final int MAX_ATTEMPTS = 3;

  /** A booked session, {@code [start, end)}. */
  @NamedInterface("api")
  public record BookedSession(long bookingId, long instrumentId, Instant start, Instant end) {}

  private final BookingRepository bookings;
  private final BookingSlots slots;
  private final UnitCatalogue catalogue;
  private final AssignmentHistory assignments;
  private final MaintenanceSchedule maintenance;
  private final CaseFile caseFile;
  private final SlotRules rules;
  private final TransactionTemplate transaction;
  private final Clock clock;

  @Autowired
  ExactBookings(
      BookingRepository bookings,
      BookingSlots slots,
      UnitCatalogue catalogue,
      AssignmentHistory assignments,
      MaintenanceSchedule maintenance,
      CaseFile caseFile,
      MadoguchiProperties facility,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this(bookings, slots, catalogue, assignments, maintenance, caseFile, facility.timeZone(), transactionManager, clock);
  }

  /** For a facility in another time zone than the installation's (tests across a daylight-saving switch). */
  ExactBookings(
      BookingRepository bookings,
      BookingSlots slots,
      UnitCatalogue catalogue,
      AssignmentHistory assignments,
      MaintenanceSchedule maintenance,
      CaseFile caseFile,
      ZoneId facilityZone,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.bookings = bookings;
    this.slots = slots;
    this.catalogue = catalogue;
    this.assignments = assignments;
    this.maintenance = maintenance;
    this.caseFile = caseFile;
    this.rules = new SlotRules(facilityZone);
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
  }

  /**
   * Books {@code [start, end)} on the instrument for the case. Inside a caller's transaction it joins
   * it (the booking commits or rolls back with whatever the caller records); called outside one it
   * commits before returning, and a deadlock between competing requests is tried again.
   *
   * @throws BookingRefusedException the slot breaks rules of the instrument
   * @throws SlotUnavailableException another booking holds part of the slot
   */
  public BookedSession book(long caseId, String unitCode, long instrumentId, Instant start, Instant end, Actor by) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return bookOnce(caseId, unitCode, instrumentId, start, end, by);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> bookOnce(caseId, unitCode, instrumentId, start, end, by));
      } catch (TransientDataAccessException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        log.info("Booking of instrument {} for case {} rolled back ({}), trying again", instrumentId, caseId, e.getClass().getSimpleName());
      }
    }
  }

  private BookedSession bookOnce(long caseId, String unitCode, long instrumentId, Instant start, Instant end, Actor by) {
    List<BookingRefusal> refusals = refusals(caseId, unitCode, instrumentId, start, end);
    if (!refusals.isEmpty()) {
      throw new BookingRefusedException(refusals);
    }
    Instrument instrument = catalogue.instrument(instrumentId).orElseThrow();
    Instant now = clock.instant();
    Booking booking =
        bookings.saveAndFlush(new Booking(caseId, unitCode, instrumentId, new SlotPlanner.Period(start, end), by.stored(), now));
    if (!slots.tryHold(instrumentId, SlotPlanner.slotStarts(start, SlotRules.cells(start, end)), booking.id())) {
      // Gone even if a caller's transaction catches this and commits.
      bookings.delete(booking);
      throw new SlotUnavailableException(instrument.name(), rules.local(start), rules.local(end));
    }
    caseFile.record(
        caseId,
        new CaseEvent.BookingReserved(instrument.name(), rules.localDateTime(start), rules.localDateTime(end)),
        by,
        "booking:reserved:" + booking.id());
    return new BookedSession(booking.id(), instrumentId, start, end);
  }

  /**
   * Every rule of the instrument {@code [start, end)} breaks now for the case, each naming its field
   * ({@code instrumentId}, {@code caseId}, {@code start}, {@code end}); empty if the slot may be booked,
   * free cells permitting.
   */
  List<BookingRefusal> refusals(long caseId, String unitCode, long instrumentId, Instant start, Instant end) {
    Optional<Instrument> found = catalogue.instrument(instrumentId);
    if (found.isEmpty()) {
      return List.of(new BookingRefusal(BookingRule.UNKNOWN_INSTRUMENT, "instrumentId", Long.toString(instrumentId)));
    }
    Instrument instrument = found.get();
    List<BookingRefusal> refusals = new ArrayList<>();
    if (!assignments.accepted(caseId, unitCode)) {
      refusals.add(new BookingRefusal(BookingRule.CASE_ACCEPTED, "caseId", unitCode));
    }
    if (!instrument.unitCode().equals(unitCode)) {
      refusals.add(new BookingRefusal(BookingRule.INSTRUMENT_OF_UNIT, "instrumentId", instrument.name(), unitCode));
    }
    if (!instrument.active()) {
      refusals.add(new BookingRefusal(BookingRule.INSTRUMENT_ACTIVE, "instrumentId", instrument.name()));
    }
    InstrumentBookingRules instrumentRules = catalogue.bookingRules(instrumentId).orElseThrow();
    List<BookingRefusal> timeRefusals = rules.check(instrumentRules, clock.instant(), start, end);
    refusals.addAll(timeRefusals);
    if (timeRefusals.stream().noneMatch(r -> r.rule() == BookingRule.PERIOD)) {
      for (MaintenanceWindow window : maintenance.overlapping(instrumentId, start, end)) {
        refusals.add(new BookingRefusal(
            BookingRule.MAINTENANCE, "start", rules.local(window.startsAt()), rules.local(window.endsAt()), window.reason()));
      }
    }
    return refusals;
  }
}
