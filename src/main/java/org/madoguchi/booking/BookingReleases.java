package org.madoguchi.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.CaseCancelled;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.InstrumentBookingRules;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frees bookings: when their case is cancelled, when a reservation is replaced, when one session is
 * cancelled and when nobody came. A cancellation within the instrument's late-cancellation hours of the
 * start, on the applicant's side, and a no-show each get one chargeable line of their own kind.
 */
@Service
class BookingReleases {

  enum Reason {
    CASE_CANCELLED,
    REPLACED,
    SESSION_CANCELLED
  }

  static final String LATE_CANCELLATION = "late-cancellation";
  static final String NO_SHOW = "no-show";

  private final BookingRepository bookings;
  private final BookingSlots slots;
  private final UsageItemRecordRepository items;
  private final UnitCatalogue catalogue;
  private final CaseFile caseFile;
  private final SlotRules rules;
  private final ZoneId zone;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  BookingReleases(
      BookingRepository bookings, BookingSlots slots, UsageItemRecordRepository items, UnitCatalogue catalogue,
      CaseFile caseFile, MadoguchiProperties facility, Clock clock, ApplicationEventPublisher events) {
    this.bookings = bookings;
    this.slots = slots;
    this.items = items;
    this.catalogue = catalogue;
    this.caseFile = caseFile;
    this.rules = new SlotRules(facility.timeZone());
    this.zone = facility.timeZone();
    this.clock = clock;
    this.events = events;
  }

  /**
   * In the cancelling transaction: every reserved booking of the case is released with it, or none is.
   * The applicant withdrew the case, so a session it releases late is a late cancellation.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onCaseCancelled(CaseCancelled event) {
    for (Booking booking : bookings.findByCaseIdAndStatusOrderById(event.caseId(), BookingStatus.RESERVED)) {
      cancel(booking, Reason.CASE_CANCELLED, Actor.system(), true);
    }
  }

  /** Deletes the booking's slot rows and marks it cancelled, with an audit line; no-op unless reserved. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void release(Booking booking, Reason reason) {
    if (booking.cancel(clock.instant())) {
      freed(booking, reason, slots.release(booking.id()), Actor.system(), null);
      timeFreed(booking);
    }
  }

  /**
   * Cancels a reserved booking someone asked to cancel; late (and charged) when {@code applicantSide}
   * and within the instrument's late-cancellation hours of the start. Returns false if it was not reserved.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean cancel(Booking booking, Reason reason, Actor by, boolean applicantSide) {
    Instant now = clock.instant();
    InstrumentBookingRules instrumentRules = catalogue.bookingRules(booking.instrumentId()).orElseThrow();
    boolean late = applicantSide && booking.isLateAt(now, instrumentRules.lateCancellation());
    if (!booking.cancel(now, by.stored(), late)) {
      return false;
    }
    int freed = slots.release(booking.id());
    freed(booking, reason, freed, by, late ? instrumentRules : null);
    timeFreed(booking);
    if (late) {
      charge(booking, LATE_CANCELLATION);
    }
    return true;
  }

  /** Nobody came: frees the slots (the rest of the time can be booked again) and charges the no-show. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void noShow(Booking booking) {
    slots.release(booking.id());
    charge(booking, NO_SHOW);
    timeFreed(booking);
  }

  /** Tells the waitlist, once this transaction commits, that the booking's time is free again. */
  private void timeFreed(Booking booking) {
    events.publishEvent(new TimeFreed(booking.instrumentId(), booking.slotStart(), booking.slotEnd()));
  }

  /** The reason's audit line; a late cancellation's line says so (for a single session, instead of the plain one). */
  private void freed(Booking booking, Reason reason, int freed, Actor by, InstrumentBookingRules lateUnder) {
    String instrument = instrument(booking).name();
    LocalDateTime start = rules.localDateTime(booking.slotStart());
    LocalDateTime end = rules.localDateTime(booking.slotEnd());
    CaseEvent event =
        switch (reason) {
          case CASE_CANCELLED -> new CaseEvent.BookingReleased(booking.id(), booking.unitCode(), freed);
          case REPLACED -> new CaseEvent.BookingReplaced(booking.id(), booking.unitCode(), freed);
          case SESSION_CANCELLED -> lateUnder == null ? new CaseEvent.SessionCancelled(booking.id(), instrument, start, end) : null;
        };
    if (event != null) {
      record(booking, event, by);
    }
    if (lateUnder != null) {
      record(booking, new CaseEvent.SessionCancelledLate(booking.id(), instrument, start, end, lateUnder.lateCancellation().toHours()), by);
    }
  }

  void record(Booking booking, CaseEvent event, Actor by) {
    caseFile.record(booking.caseId(), event, by, "booking:" + event.type().code() + ":" + booking.id());
  }

  /** One line per booking (unique in the database): a repeated call adds nothing. */
  private void charge(Booking booking, String itemKind) {
    if (!items.existsByBookingId(booking.id())) {
      items.save(new UsageItemRecord(booking, itemKind, instrument(booking), booking.serviceDate(zone)));
    }
  }

  private Instrument instrument(Booking booking) {
    return catalogue.instrument(booking.instrumentId())
        .orElseThrow(() -> new IllegalStateException("No instrument " + booking.instrumentId()));
  }
}
