package org.madoguchi.booking;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * One booked session as the operator's session page and the applicant's case page show it.
 *
 * @param status {@code RESERVED}, {@code COMPLETED}, {@code CANCELLED} or {@code NO_SHOW}
 * @param checkedInBy who checked the session in, as the audit actor's stored form (see {@code Actor.parse})
 * @param noShowBy who recorded the no-show, in the same form
 * @param cancelledBy who cancelled, in the same form
 * @param lateCancellation cancelled within the instrument's late-cancellation hours of the start
 * @param lateIfCancelledNow a cancellation asked for now would be late (and may be charged)
 * @param lateCancellationHours the instrument's late-cancellation hours
 */
@NamedInterface("api")
public record SessionDetails(
    long bookingId,
    long caseId,
    String unitCode,
    long instrumentId,
    String instrument,
    Instant start,
    Instant end,
    String status,
    Instant checkedInAt,
    String checkedInBy,
    Instant noShowAt,
    String noShowBy,
    Instant cancelledAt,
    String cancelledBy,
    boolean lateCancellation,
    boolean lateIfCancelledNow,
    long lateCancellationHours) {

  public boolean reserved() {
    return BookingStatus.RESERVED.name().equals(status);
  }

  public boolean checkedIn() {
    return checkedInAt != null;
  }
}
