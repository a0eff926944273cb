package org.madoguchi.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.units.AssignmentHistory;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.InstrumentBookingRules;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.MaintenanceWindow;
import org.madoguchi.units.UnitCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
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
  private final FacilityCalendar calendar;
  private final CaseFile caseFile;
  private final SlotRules rules;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  @Autowired
  ExactBookings(
      BookingRepository bookings,
      BookingSlots slots,
      UnitCatalogue catalogue,
      AssignmentHistory assignments,
      MaintenanceSchedule maintenance,
      FacilityCalendar calendar,
      CaseFile caseFile,
      MadoguchiProperties facility,
      PlatformTransactionManager transactionManager,
      Clock clock,
      ApplicationEventPublisher events) {
    this(bookings, slots, catalogue, assignments, maintenance, calendar, caseFile, facility.timeZone(), transactionManager, clock, events);
  }

  /** For a facility in another time zone than the installation's (tests across a daylight-saving switch). */
  ExactBookings(
      BookingRepository bookings,
      BookingSlots slots,
      UnitCatalogue catalogue,
      AssignmentHistory assignments,
      MaintenanceSchedule maintenance,
      FacilityCalendar calendar,
      CaseFile caseFile,
      ZoneId facilityZone,
      PlatformTransactionManager transactionManager,
      Clock clock,
      ApplicationEventPublisher events) {
    this.bookings = bookings;
    this.slots = slots;
    this.catalogue = catalogue;
    this.assignments = assignments;
    this.maintenance = maintenance;
    this.calendar = calendar;
    this.caseFile = caseFile;
    this.rules = new SlotRules(facilityZone);
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
    this.events = events;
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

  /** The closed days {@code [start, end)} touches, in facility time; a day of unknown holidays counts as closed. */
  private List<BookingRefusal> closedDays(Instant start, Instant end) {
    LocalDate first = rules.localDateTime(start).toLocalDate();
    LocalDate last = rules.localDateTime(end.minusNanos(1)).toLocalDate();
    if (!calendar.holidaysKnown(first) || !calendar.holidaysKnown(last)) {
      return List.of(new BookingRefusal(BookingRule.HOLIDAYS_UNKNOWN, "start", first.toString(), calendar.holidayYears()));
    }
    return calendar.closedDays(first, last).stream()
        .map(day -> new BookingRefusal(BookingRule.CLOSED_DAY, "start", day.date().toString(),
            day.publicHoliday() ? day.holidayName() : day.description(), day.description()))
        .toList();
  }

  private BookedSession bookOnce(long caseId, String unitCode, long instrumentId, Instant start, Instant end, Actor by) {
    Instrument instrument = instrument(instrumentId);
    Instant now = clock.instant();
    refuseBrokenRules(caseId, unitCode, instrument, start, end, now);
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
   * Moves a reserved booking that has not started to {@code [start, end)} on {@code instrumentId} (its
   * own instrument or another of its unit), in one transaction of its own: every rule is checked as for a
   * new booking, then the booking's slot rows are released and the new ones held. If another booking
   * holds one of them nothing changes. The booking's version rises (the SEQUENCE of its iCalendar
   * events) and the case's trail says where and when it was and is now. Who may move it is the caller's
   * decision. A process waiting on the session is not told: it waits for the session, not for a time.
   *
   * @throws org.madoguchi.common.web.NotFoundException there is no such booking
   * @throws BookingRefusedException the booking may not be moved, or the new slot breaks rules
   * @throws SlotUnavailableException another booking holds part of the new slot
   */
  public BookedSession move(long bookingId, long instrumentId, Instant start, Instant end, Actor by) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> moveOnce(bookingId, instrumentId, start, end, by));
      } catch (TransientDataAccessException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        log.info("Move of booking {} rolled back ({}), trying again", bookingId, e.getClass().getSimpleName());
      }
    }
  }

  private BookedSession moveOnce(long bookingId, long instrumentId, Instant start, Instant end, Actor by) {
    Booking booking = bookings.findForUpdate(bookingId).orElseThrow(() -> new NotFoundException("booking"));
    Instant now = clock.instant();
    if (booking.status() != BookingStatus.RESERVED || !booking.slotStart().isAfter(now)) {
      throw new BookingRefusedException(List.of(
          new BookingRefusal(BookingRule.MOVABLE, "bookingId", booking.status().name(), rules.local(booking.slotStart()))));
    }
    Instrument instrument = instrument(instrumentId);
    Instant fromStart = booking.slotStart();
    Instant fromEnd = booking.slotEnd();
    long fromInstrumentId = booking.instrumentId();
    String fromInstrument =
        booking.instrumentId() == instrumentId ? instrument.name() : instrument(booking.instrumentId()).name();
    refuseBrokenRules(booking.caseId(), booking.unitCode(), instrument, start, end, now);
    slots.release(bookingId);
    booking.reschedule(instrumentId, new SlotPlanner.Period(start, end), now);
    bookings.saveAndFlush(booking);
    if (!slots.tryHold(instrumentId, SlotPlanner.slotStarts(start, SlotRules.cells(start, end)), bookingId)) {
      // Thrown out of the transaction, so the released rows come back with the old times.
      throw new SlotUnavailableException(instrument.name(), rules.local(start), rules.local(end));
    }
    caseFile.record(
        booking.caseId(),
        new CaseEvent.BookingMoved(
            fromInstrument, rules.localDateTime(fromStart), rules.localDateTime(fromEnd),
            instrument.name(), rules.localDateTime(start), rules.localDateTime(end)),
        by,
        "booking:moved:" + bookingId + ":" + now);
    events.publishEvent(new TimeFreed(fromInstrumentId, fromStart, fromEnd));
    return new BookedSession(bookingId, instrumentId, start, end);
  }

  private Instrument instrument(long instrumentId) {
    return catalogue.instrument(instrumentId).orElseThrow(() -> new BookingRefusedException(List.of(
        new BookingRefusal(BookingRule.UNKNOWN_INSTRUMENT, "instrumentId", Long.toString(instrumentId)))));
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
    return brokenRules(caseId, unitCode, found.get(), start, end, clock.instant());
  }

  /** Refuses the slot with every rule it breaks at {@code now}. */
  private void refuseBrokenRules(long caseId, String unitCode, Instrument instrument, Instant start, Instant end, Instant now) {
    List<BookingRefusal> refusals = brokenRules(caseId, unitCode, instrument, start, end, now);
    if (!refusals.isEmpty()) {
      throw new BookingRefusedException(refusals);
    }
  }

  /** Every rule a slot for the case on the instrument breaks at {@code now}. */
  private List<BookingRefusal> brokenRules(
      long caseId, String unitCode, Instrument instrument, Instant start, Instant end, Instant now) {
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
    InstrumentBookingRules instrumentRules = catalogue.bookingRules(instrument.id()).orElseThrow();
    List<BookingRefusal> timeRefusals = rules.check(instrumentRules, now, start, end);
    refusals.addAll(timeRefusals);
    if (timeRefusals.stream().noneMatch(r -> r.rule() == BookingRule.PERIOD || r.rule() == BookingRule.HORIZON)) {
      for (MaintenanceWindow window : maintenance.overlapping(instrument.id(), start, end)) {
        refusals.add(new BookingRefusal(
            BookingRule.MAINTENANCE, "start", rules.local(window.startsAt()), rules.local(window.endsAt()), window.reason()));
      }
      refusals.addAll(closedDays(start, end));
    }
    return refusals;
  }
}
