package org.madoguchi.booking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.UnitCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books a conflict-free session on a suitable instrument of a unit.
 *
 * <p>Each attempt runs in its own READ COMMITTED transaction: read what is held, pick the earliest free
 * session over the unit's instruments, insert its slot rows. If another transaction (in this or another
 * application instance) took one of the slots first, the insert is refused by the primary key of
 * booking_slots, the attempt re-reads and takes the next free session. A deadlock or a duplicate job
 * racing on the same element instance rolls the attempt back and it is run again.
 */
@Service
class Reservations {

  private static final Logger log = LoggerFactory.getLogger(Reservations.class);
  private static final int MAX_ATTEMPTS = 3;
  private static final int MAX_CONFLICTS_PER_ATTEMPT = 100;

  /** What a reservation came to. */
  sealed interface Outcome permits Reserved, NoSlot {}

  record Reserved(long bookingId, String instrumentName, String slotStart, String slotEnd) implements Outcome {}

  record NoSlot(String message) implements Outcome {}

  private record Choice(Instrument instrument, SlotPlanner.Period period) {}

  private final BookingRepository bookings;
  private final BookingSlots slots;
  private final BookingReleases releases;
  private final UnitCatalogue catalogue;
  private final MaintenanceSchedule maintenance;
  private final FacilityCalendar calendar;
  private final CaseFile caseFile;
  private final BookingProperties properties;
  private final SlotPlanner planner;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Reservations(
      BookingRepository bookings,
      BookingSlots slots,
      BookingReleases releases,
      UnitCatalogue catalogue,
      MaintenanceSchedule maintenance,
      FacilityCalendar calendar,
      CaseFile caseFile,
      BookingProperties properties,
      MadoguchiProperties facility,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.bookings = bookings;
    this.slots = slots;
    this.releases = releases;
    this.catalogue = catalogue;
    this.maintenance = maintenance;
    this.calendar = calendar;
    this.caseFile = caseFile;
    this.properties = properties;
    this.planner = new SlotPlanner(facility.timeZone(), properties.workdayStart(), properties.workdayEnd());
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
  }

  /**
   * Reserves a session, committed before this returns; call it outside any transaction. A repeated
   * request for the same element instance returns the booking made the first time.
   */
  public Outcome reserve(ReservationRequest request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> reserveOnce(request));
      } catch (TransientDataAccessException | DataIntegrityViolationException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        log.info("Reservation for case {} unit {} rolled back ({}), trying again", request.caseId(), request.unitCode(), e.getClass().getSimpleName());
      }
    }
  }

  private Outcome reserveOnce(ReservationRequest request) {
    Optional<Booking> existing = bookings.findByElementInstanceKey(request.elementInstanceKey());
    if (existing.isPresent()) {
      return reserved(existing.get(), instrumentName(existing.get().instrumentId()));
    }
    // An instance holds one booking at a time: a re-run of the reservation (e.g. an instance modified
    // in Operate) replaces the earlier one rather than leaving it orphaned.
    for (Booking earlier : bookings.findByProcessInstanceKeyAndStatus(request.processInstanceKey(), BookingStatus.RESERVED)) {
      releases.release(earlier, BookingReleases.Reason.REPLACED);
    }

    List<Instrument> instruments = catalogue.bookableInstruments(request.unitCode(), request.instrumentClass());
    if (instruments.isEmpty()) {
      return noSlot(request, "Unit " + request.unitCode() + " has no bookable instrument"
          + (request.instrumentClass() == null ? "" : " of class " + request.instrumentClass()) + ".");
    }
    if (request.hours().compareTo(BigDecimal.valueOf(properties.maxSessionHours())) > 0) {
      return noSlot(request, "A session of " + hours(request) + " h is longer than the longest bookable session ("
          + properties.maxSessionHours() + " h); split it into several sessions.");
    }
    int slotCount = SlotPlanner.slotsFor(request.hours());
    Instant now = clock.instant();
    Instant earliest = planner.alignUp(request.earliest(now, zone()));
    Instant horizonEnd = earliest.plus(properties.searchHorizon());
    Instant lookUntil = horizonEnd.plus(SlotPlanner.SLOT.multipliedBy(slotCount));

    Set<LocalDate> closedDays = calendar.closedDates(earliest.atZone(zone()).toLocalDate(), lookUntil.atZone(zone()).toLocalDate());
    Map<Long, Set<Instant>> held = new HashMap<>();
    Map<Long, List<SlotPlanner.Period>> blocked = new HashMap<>();
    for (Instrument instrument : instruments) {
      held.put(instrument.id(), slots.held(instrument.id(), earliest, lookUntil));
      blocked.put(
          instrument.id(),
          maintenance.overlapping(instrument.id(), earliest, lookUntil).stream()
              .map(w -> new SlotPlanner.Period(w.startsAt(), w.endsAt()))
              .toList());
    }

    Booking booking = null;
    for (int conflicts = 0; conflicts < MAX_CONFLICTS_PER_ATTEMPT; conflicts++) {
      Choice choice = earliestFree(instruments, slotCount, earliest, horizonEnd, held, blocked, closedDays);
      if (choice == null) {
        if (booking != null) {
          bookings.delete(booking);
        }
        return noSlot(request, "No free " + hours(request) + " h session on "
            + (request.instrumentClass() == null ? "" : request.instrumentClass() + " ")
            + "instruments of unit " + request.unitCode() + " between " + local(earliest) + " and " + local(horizonEnd)
            + " (" + zone() + ").");
      }
      long instrumentId = choice.instrument().id();
      if (booking == null) {
        booking = bookings.saveAndFlush(new Booking(request, instrumentId, choice.period(), now));
      } else {
        booking.moveTo(instrumentId, choice.period());
      }
      if (slots.tryHold(instrumentId, SlotPlanner.slotStarts(choice.period().start(), slotCount), booking.id())) {
        caseFile.record(
            request.caseId(),
            new CaseEvent.BookingReserved(
                choice.instrument().name(), localDateTime(choice.period().start()), localDateTime(choice.period().end())),
            Actor.system(),
            "booking:reserved:" + booking.id());
        return reserved(booking, choice.instrument().name());
      }
      // Taken meanwhile by another transaction (now committed): look again.
      log.debug("Session {} on instrument {} was taken meanwhile; looking again", choice.period(), instrumentId);
      held.put(instrumentId, slots.held(instrumentId, earliest, lookUntil));
    }
    throw new ConcurrencyFailureException(
        "Too many competing reservations on unit " + request.unitCode() + "; the reservation will be tried again");
  }

  private Choice earliestFree(
      List<Instrument> instruments,
      int slotCount,
      Instant earliest,
      Instant horizonEnd,
      Map<Long, Set<Instant>> held,
      Map<Long, List<SlotPlanner.Period>> blocked,
      Set<LocalDate> closedDays) {
    Choice best = null;
    for (Instrument instrument : instruments) {
      Optional<SlotPlanner.Period> period =
          planner.firstFree(slotCount, earliest, horizonEnd, held.get(instrument.id()), blocked.get(instrument.id()), closedDays);
      if (period.isPresent() && (best == null || period.get().start().isBefore(best.period().start()))) {
        best = new Choice(instrument, period.get());
      }
    }
    return best;
  }

  private NoSlot noSlot(ReservationRequest request, String message) {
    caseFile.record(
        request.caseId(), new CaseEvent.BookingNoSlot(request.unitCode(), message), Actor.system(),
        "booking:no-slot:" + request.elementInstanceKey());
    return new NoSlot(message);
  }

  private Reserved reserved(Booking booking, String instrumentName) {
    return new Reserved(booking.id(), instrumentName, iso(booking.slotStart()), iso(booking.slotEnd()));
  }

  private String instrumentName(long instrumentId) {
    return catalogue.instrument(instrumentId).map(Instrument::name).orElse("instrument " + instrumentId);
  }

  private ZoneId zone() {
    return planner.zone();
  }

  private String iso(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone()).toOffsetDateTime());
  }

  private String local(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(zone()));
  }

  private LocalDateTime localDateTime(Instant instant) {
    return instant.atZone(zone()).toLocalDateTime();
  }

  private static String hours(ReservationRequest request) {
    return request.hours().stripTrailingZeros().toPlainString();
  }
}
