package org.madoguchi.booking;

import java.time.Clock;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.CaseCancelled;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Frees bookings: when their case is cancelled, or when a reservation is replaced. */
@Service
class BookingReleases {

  enum Reason {
    CASE_CANCELLED,
    REPLACED
  }

  private final BookingRepository bookings;
  private final BookingSlots slots;
  private final CaseFile caseFile;
  private final Clock clock;

  BookingReleases(BookingRepository bookings, BookingSlots slots, CaseFile caseFile, Clock clock) {
    this.bookings = bookings;
    this.slots = slots;
    this.caseFile = caseFile;
    this.clock = clock;
  }

  /** In the cancelling transaction: every reserved booking of the case is released with it, or none is. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onCaseCancelled(CaseCancelled event) {
    for (Booking booking : bookings.findByCaseIdAndStatusOrderById(event.caseId(), BookingStatus.RESERVED)) {
      release(booking, Reason.CASE_CANCELLED);
    }
  }

  /** Deletes the booking's slot rows and marks it cancelled, with an audit line; no-op unless reserved. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void release(Booking booking, Reason reason) {
    if (!booking.cancel(clock.instant())) {
      return;
    }
    int freed = slots.release(booking.id());
    CaseEvent event =
        switch (reason) {
          case CASE_CANCELLED -> new CaseEvent.BookingReleased(booking.id(), booking.unitCode(), freed);
          case REPLACED -> new CaseEvent.BookingReplaced(booking.id(), booking.unitCode(), freed);
        };
    caseFile.record(booking.caseId(), event, Actor.system(), "booking:" + event.type().code() + ":" + booking.id());
  }
}
