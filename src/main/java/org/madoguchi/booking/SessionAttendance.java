package org.madoguchi.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.InstrumentBookingRules;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A booked session's attendance: the operator checks it in (it started) or records a no-show; the
 * applicant or the unit cancels it. Check-in opens {@code madoguchi.booking.check-in-opens-before}
 * (30 minutes) before the start and closes at the end; a no-show is recorded after the start, only if
 * nobody checked in. The caller checks the actor may act on the booking's case or unit.
 */
@NamedInterface("api")
@Service
public class SessionAttendance {

  private final BookingRepository bookings;
  private final BookingReleases releases;
  private final UnitCatalogue catalogue;
  private final CaseFile caseFile;
  private final SlotRules rules;
  private final Duration checkInOpensBefore;
  private final Clock clock;

  SessionAttendance(
      BookingRepository bookings,
      BookingReleases releases,
      UnitCatalogue catalogue,
      CaseFile caseFile,
      MadoguchiProperties facility,
      @Value("${madoguchi.booking.check-in-opens-before:PT30M}") Duration checkInOpensBefore,
      Clock clock) {
    this.bookings = bookings;
    this.releases = releases;
    this.catalogue = catalogue;
    this.caseFile = caseFile;
    this.rules = new SlotRules(facility.timeZone());
    this.checkInOpensBefore = checkInOpensBefore;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<SessionDetails> session(long bookingId) {
    return bookings.findById(bookingId).map(this::details);
  }

  /** The case's sessions, oldest first. */
  @Transactional(readOnly = true)
  public List<SessionDetails> ofCase(long caseId) {
    return bookings.findByCaseIdOrderById(caseId).stream().map(this::details).toList();
  }

  /** Marks the session started. */
  @Transactional
  public SessionDetails checkIn(long bookingId, Actor by) {
    Booking booking = locked(bookingId);
    Optional<SessionRefusal> refusal = booking.checkIn(clock.instant(), by.stored(), checkInOpensBefore);
    refuseIf(booking, refusal);
    releases.record(booking, new CaseEvent.SessionCheckedIn(booking.id(), instrument(booking).name(),
        rules.localDateTime(booking.slotStart()), rules.localDateTime(booking.slotEnd())), by);
    return details(booking);
  }

  /** Records that nobody came: the slots are freed and the no-show is charged. */
  @Transactional
  public SessionDetails noShow(long bookingId, Actor by) {
    Booking booking = locked(bookingId);
    refuseIf(booking, booking.markNoShow(clock.instant(), by.stored()));
    releases.noShow(booking);
    releases.record(booking, new CaseEvent.SessionNoShow(booking.id(), instrument(booking).name(),
        rules.localDateTime(booking.slotStart()), rules.localDateTime(booking.slotEnd())), by);
    return details(booking);
  }

  /**
   * Cancels one session of case {@code caseId}: late (and charged) when {@code applicantSide} and within
   * the instrument's late-cancellation hours of the start. A checked-in session is no longer cancelled.
   *
   * @throws IllegalArgumentException when the booking is not the case's
   */
  @Transactional
  public SessionDetails cancel(long caseId, long bookingId, Actor by, boolean applicantSide) {
    Booking booking = locked(bookingId);
    if (booking.caseId() != caseId) {
      throw new IllegalArgumentException("Booking " + bookingId + " is not a session of case " + caseId);
    }
    if (booking.checkedInAt() != null) {
      throw new SessionRefusedException(bookingId, SessionRefusal.ALREADY_CHECKED_IN);
    }
    if (!releases.cancel(booking, BookingReleases.Reason.SESSION_CANCELLED, by, applicantSide)) {
      throw new SessionRefusedException(
          bookingId, booking.status() == BookingStatus.NO_SHOW ? SessionRefusal.NO_SHOW_RECORDED : SessionRefusal.NOT_RESERVED);
    }
    return details(booking);
  }

  private Booking locked(long bookingId) {
    return bookings.findForUpdate(bookingId).orElseThrow(() -> new IllegalArgumentException("No booking " + bookingId));
  }

  private static void refuseIf(Booking booking, Optional<SessionRefusal> refusal) {
    if (refusal.isPresent()) {
      throw new SessionRefusedException(booking.id(), refusal.get());
    }
  }

  private SessionDetails details(Booking b) {
    InstrumentBookingRules instrumentRules = catalogue.bookingRules(b.instrumentId()).orElseThrow();
    Instant now = clock.instant();
    return new SessionDetails(
        b.id(), b.caseId(), b.unitCode(), b.instrumentId(), instrument(b).name(), b.slotStart(), b.slotEnd(), b.status().name(),
        b.checkedInAt(), b.checkedInBy(), b.noShowAt(), b.noShowBy(), b.cancelledAt(), b.cancelledBy(), b.lateCancellation(),
        b.isLateAt(now, instrumentRules.lateCancellation()), instrumentRules.lateCancellation().toHours());
  }

  private Instrument instrument(Booking booking) {
    return catalogue.instrument(booking.instrumentId())
        .orElseThrow(() -> new IllegalStateException("No instrument " + booking.instrumentId()));
  }
}
