package org.madoguchi.booking;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A booking as a calendar shows it.
 *
 * @param status {@code RESERVED}, {@code COMPLETED}, {@code CANCELLED} or {@code NO_SHOW}
 * @param sequence raised by every change written to the booking (its optimistic-lock version)
 * @param updatedAt when it last changed (reserved, completed, cancelled)
 */
@NamedInterface("api")
public record BookedSession(
    long id,
    long caseId,
    String unitCode,
    long instrumentId,
    Instant start,
    Instant end,
    String status,
    long sequence,
    Instant createdAt,
    Instant updatedAt) {

  public boolean cancelled() {
    return BookingStatus.CANCELLED.name().equals(status);
  }
}
