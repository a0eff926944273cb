package org.madoguchi.units;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A time an instrument cannot be booked, half-open: {@code [startsAt, endsAt)}; planned maintenance or
 * unplanned downtime, which block bookings alike.
 */
@NamedInterface("api")
public record MaintenanceWindow(long id, long instrumentId, Instant startsAt, Instant endsAt, String reason, WindowKind kind) {

  public boolean overlaps(Instant start, Instant end) {
    return startsAt.isBefore(end) && start.isBefore(endsAt);
  }
}
