package org.madoguchi.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings for calendars: those that end after {@code endingAfter}, cancelled ones only while their
 * cancellation is newer than {@code cancelledSince} (so that subscribed calendars see it and remove the
 * event), ordered by start.
 */
@NamedInterface("api")
@Service
public class BookedSessions {

  private final BookedSessionRepository sessions;

  BookedSessions(BookedSessionRepository sessions) {
    this.sessions = sessions;
  }

  @Transactional(readOnly = true)
  public List<BookedSession> onInstrument(long instrumentId, Instant endingAfter, Instant cancelledSince) {
    return sessions.onInstrument(instrumentId, endingAfter, BookingStatus.CANCELLED, cancelledSince);
  }

  @Transactional(readOnly = true)
  public List<BookedSession> ofCases(Collection<Long> caseIds, Instant endingAfter, Instant cancelledSince) {
    return caseIds.isEmpty() ? List.of() : sessions.ofCases(caseIds, endingAfter, BookingStatus.CANCELLED, cancelledSince);
  }
}
