package org.madoguchi.booking;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sessions an instrument holds in a period, for whoever must move them (a maintenance or downtime window). */
@NamedInterface("api")
@Service
public class ReservedSessions {

  /** A reserved session, {@code [start, end)}. */
  @NamedInterface("api")
  public record ReservedSession(long bookingId, long caseId, Instant start, Instant end) {}

  private final BookingRepository bookings;

  ReservedSessions(BookingRepository bookings) {
    this.bookings = bookings;
  }

  /** The instrument's reserved sessions that overlap {@code [from, to)}, earliest first. */
  @Transactional(readOnly = true)
  public List<ReservedSession> overlapping(long instrumentId, Instant from, Instant to) {
    return bookings.findByInstrumentIdAndStatusAndSlotStartLessThanAndSlotEndGreaterThanOrderBySlotStart(
            instrumentId, BookingStatus.RESERVED, to, from).stream()
        .map(b -> new ReservedSession(b.id(), b.caseId(), b.slotStart(), b.slotEnd()))
        .toList();
  }
}
