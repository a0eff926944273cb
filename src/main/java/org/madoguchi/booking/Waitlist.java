package org.madoguchi.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.ApplicantNotices;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.notify.Mail;
import org.madoguchi.notify.Mailer;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.UnitCatalogue;
import org.madoguchi.workflow.WorkflowCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests that found no slot wait here for released time, first come first served. When a booking frees
 * time, after that transaction commits, the first waiting request of the instrument's unit whose class,
 * window and duration fit is booked into the earliest fitting part of it (through booking_slots, like
 * every booking), taken off the list, told by {@code slot-released} and mailed, all in one transaction.
 */
@Service
class Waitlist {

  static final String SLOT_RELEASED = "slot-released";
  static final String APPLICANT_MAIL = "waitlist-booked";
  static final String COORDINATOR_MAIL = "staff-waitlist-booked";

  private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
  private static final int MAX_ATTEMPTS = 3;

  private final WaitlistEntryRepository entries;
  private final BookingRepository bookings;
  private final BookingSlots slots;
  private final UnitCatalogue catalogue;
  private final MaintenanceSchedule maintenance;
  private final FacilityCalendar calendar;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final Accounts accounts;
  private final Mailer mailer;
  private final WorkflowCommands workflow;
  private final MadoguchiProperties facility;
  private final SlotPlanner planner;
  private final SlotRules rules;
  private final TransactionTemplate offerTransaction;
  private final Clock clock;

  Waitlist(
      WaitlistEntryRepository entries,
      BookingRepository bookings,
      BookingSlots slots,
      UnitCatalogue catalogue,
      MaintenanceSchedule maintenance,
      FacilityCalendar calendar,
      CaseFile caseFile,
      ApplicantNotices notices,
      Accounts accounts,
      Mailer mailer,
      WorkflowCommands workflow,
      BookingProperties properties,
      MadoguchiProperties facility,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.entries = entries;
    this.bookings = bookings;
    this.slots = slots;
    this.catalogue = catalogue;
    this.maintenance = maintenance;
    this.calendar = calendar;
    this.caseFile = caseFile;
    this.notices = notices;
    this.accounts = accounts;
    this.mailer = mailer;
    this.workflow = workflow;
    this.facility = facility;
    this.planner = new SlotPlanner(facility.timeZone(), properties.workdayStart(), properties.workdayEnd());
    this.rules = new SlotRules(facility.timeZone());
    // Runs after the freeing transaction committed, so it needs one of its own.
    this.offerTransaction = new TransactionTemplate(transactionManager);
    this.offerTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.offerTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
  }

  /**
   * Puts the request on the list from its preferred start (or now) to the end of {@code waitUntil}
   * (facility time); a repeated job for the same element instance finds the same entry. Returns when
   * the waiting ends ({@code waitEndsAt}, ISO date-time), the time of the waiting window's timer.
   */
  @Transactional
  public Map<String, Object> join(ReservationRequest request, LocalDate waitUntil) {
    Optional<WaitlistEntry> joined = entries.findByElementInstanceKey(request.elementInstanceKey());
    if (joined.isPresent()) {
      return Map.of("waitEndsAt", rules.isoOffset(joined.get().windowEnd()));
    }
    Instant now = clock.instant();
    Instant windowStart = request.earliest(now, facility.timeZone());
    Instant windowEnd = waitUntil == null ? null : waitUntil.plusDays(1).atStartOfDay(facility.timeZone()).toInstant();
    if (windowEnd == null || !windowEnd.isAfter(windowStart)) {
      // A wait that ends before the preferred start holds nothing: its timer fires now and Reschedule comes back.
      log.info("Case {} asked to wait until {}, before its earliest start: nothing to wait for", request.caseId(), waitUntil);
      return Map.of("waitEndsAt", rules.isoOffset(now));
    }
    WaitlistEntry entry = entries.saveAndFlush(new WaitlistEntry(request, windowStart, windowEnd, now));
    caseFile.record(request.caseId(), new CaseEvent.WaitlistJoined(request.unitCode(), rules.localDateTime(windowEnd)),
        Actor.staff("unit-" + request.unitCode()), "waitlist:joined:" + entry.id());
    return Map.of("waitEndsAt", rules.isoOffset(entry.windowEnd()));
  }

  /**
   * The waiting window's timer fired: a waiting entry expires ({@code waitOutcome} {@code expired}). If
   * released time was booked for it a moment before, the booking stands: the outcome is {@code booked}
   * with the variables {@code slot-released} carries, so the process goes on to the session.
   */
  @Transactional
  public Map<String, Object> expire(long processInstanceKey) {
    Optional<WaitlistEntry> latest = entries.findFirstByProcessInstanceKeyOrderByIdDesc(processInstanceKey);
    if (latest.isPresent() && latest.get().state() == WaitlistEntry.State.BOOKED) {
      Optional<Booking> booking = bookings.findById(latest.get().bookingId()).filter(b -> b.status() == BookingStatus.RESERVED);
      if (booking.isPresent()) {
        return bookedVariables(booking.get());
      }
    }
    latest.filter(entry -> entry.expire(clock.instant())).ifPresent(entry ->
        caseFile.record(entry.caseId(), new CaseEvent.WaitlistExpired(entry.unitCode()), Actor.timer(), "waitlist:expired:" + entry.id()));
    return Map.of("waitOutcome", "expired");
  }

  /** After the freeing transaction committed; a failure here leaves the time free and the list as it was. */
  @TransactionalEventListener
  void onTimeFreed(TimeFreed freed) {
    for (int attempt = 1; ; attempt++) {
      try {
        offerTransaction.executeWithoutResult(status -> offer(freed));
        return;
      } catch (TransientDataAccessException | DataIntegrityViolationException e) {
        if (attempt >= MAX_ATTEMPTS) {
          log.warn("Released time on instrument {} was not offered to the waitlist", freed.instrumentId(), e);
          return;
        }
      }
    }
  }

  /** Books the freed time for the first waiting request it fits, if any. */
  void offer(TimeFreed freed) {
    Instrument instrument = catalogue.instrument(freed.instrumentId()).orElse(null);
    Instant now = clock.instant();
    if (instrument == null || !freed.end().isAfter(now)) {
      return;
    }
    for (WaitlistEntry entry : entries.waitingForUpdate(instrument.unitCode(), now)) {
      boolean suitable = catalogue.bookableInstruments(entry.unitCode(), entry.instrumentClass()).stream()
          .anyMatch(i -> i.id() == instrument.id());
      Optional<SlotPlanner.Period> period = suitable ? fittingPeriod(entry, freed, now) : Optional.empty();
      if (period.isPresent() && book(entry, instrument, period.get(), now)) {
        return;
      }
    }
  }

  /** The earliest free session of the entry's length inside both the freed time and its window. */
  private Optional<SlotPlanner.Period> fittingPeriod(WaitlistEntry entry, TimeFreed freed, Instant now) {
    int slotCount = SlotPlanner.slotsFor(entry.requestedHours());
    Duration length = SlotPlanner.SLOT.multipliedBy(slotCount);
    Instant from = latest(freed.start(), entry.windowStart(), now);
    Instant to = freed.end().isBefore(entry.windowEnd()) ? freed.end() : entry.windowEnd();
    Instant lastStartBefore = to.minus(length).plusNanos(1);
    if (!lastStartBefore.isAfter(from)) {
      return Optional.empty();
    }
    List<SlotPlanner.Period> blocked = maintenance.overlapping(freed.instrumentId(), from, to).stream()
        .map(w -> new SlotPlanner.Period(w.startsAt(), w.endsAt()))
        .toList();
    return planner.firstFree(
        slotCount, from, lastStartBefore, slots.held(freed.instrumentId(), from, to), blocked,
        calendar.closedDates(from.atZone(planner.zone()).toLocalDate(), to.atZone(planner.zone()).toLocalDate()));
  }

  /** False (nothing kept) when another booking took the time meanwhile: the next request is tried. */
  private boolean book(WaitlistEntry entry, Instrument instrument, SlotPlanner.Period period, Instant now) {
    Booking booking = bookings.saveAndFlush(new Booking(entry.request(), instrument.id(), period, now));
    if (!slots.tryHold(instrument.id(), SlotPlanner.slotStarts(period.start(), SlotRules.cells(period.start(), period.end())), booking.id())) {
      bookings.delete(booking);
      bookings.flush();
      return false;
    }
    entry.booked(booking.id(), now);
    caseFile.record(
        entry.caseId(),
        new CaseEvent.BookingReserved(instrument.name(), rules.localDateTime(period.start()), rules.localDateTime(period.end())),
        Actor.system(),
        "booking:reserved:" + booking.id());
    CaseSummary summary = caseFile.get(entry.caseId());
    workflow.publishMessage(
        SLOT_RELEASED, SlotProposals.correlationKey(summary.caseNumber(), entry.unitCode()), SLOT_RELEASED + ":" + entry.id(),
        bookedVariables(booking), entry.caseId());
    tell(entry, summary, instrument, period);
    return true;
  }

  private void tell(WaitlistEntry entry, CaseSummary summary, Instrument instrument, SlotPlanner.Period period) {
    Map<String, Object> session = new HashMap<>();
    session.put("unitCode", entry.unitCode());
    session.put("instrumentName", instrument.name());
    session.put("sessionStart", rules.local(period.start()));
    session.put("sessionEnd", rules.local(period.end()));
    session.put("timeZone", rules.zoneId());
    notices.send(entry.caseId(), APPLICANT_MAIL, session, APPLICANT_MAIL + ":" + entry.id());
    for (Account coordinator : accounts.staffIn(StaffGroup.unitCoordinators(entry.unitCode()))) {
      Map<String, Object> model = new HashMap<>(session);
      model.put("staffName", coordinator.displayName());
      model.put("caseNumber", summary.caseNumber());
      model.put("caseTitle", summary.title());
      model.put("caseUrl", facility.portalUrl() + "/console/cases/" + summary.caseNumber());
      mailer.enqueue(new Mail(coordinator.email(), coordinator.language(), COORDINATOR_MAIL, model,
          COORDINATOR_MAIL + ":" + entry.id() + ":" + coordinator.id(), null));
    }
  }

  /** What the process learns of the booking: as {@code booking.reserve} returns it. */
  private Map<String, Object> bookedVariables(Booking booking) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("bookingId", booking.id());
    variables.put("instrumentName", catalogue.instrument(booking.instrumentId()).map(Instrument::name).orElse("#" + booking.instrumentId()));
    variables.put("slotStart", rules.isoOffset(booking.slotStart()));
    variables.put("slotEnd", rules.isoOffset(booking.slotEnd()));
    variables.put("waitOutcome", "booked");
    return variables;
  }

  private static Instant latest(Instant a, Instant b, Instant c) {
    Instant ab = a.isAfter(b) ? a : b;
    return ab.isAfter(c) ? ab : c;
  }
}
