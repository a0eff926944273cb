package org.madoguchi.console.web.catalogue;

import java.time.Instant;
import java.util.List;
import org.madoguchi.booking.ReservedSessions;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.units.MaintenanceWindow;
import org.springframework.stereotype.Component;

/**
 * The reserved sessions a maintenance or downtime window overlaps: they keep their slots until someone
 * moves them, so the instrument's page lists them with their case.
 */
@Component
class BookingsToMove {

  record BookingToMove(long bookingId, String caseNumber, Instant slotStart, Instant slotEnd) {}

  private final ReservedSessions sessions;
  private final CaseFile cases;

  BookingsToMove(ReservedSessions sessions, CaseFile cases) {
    this.sessions = sessions;
    this.cases = cases;
  }

  List<BookingToMove> overlapping(MaintenanceWindow window) {
    return sessions.overlapping(window.instrumentId(), window.startsAt(), window.endsAt()).stream()
        .map(s -> new BookingToMove(s.bookingId(), cases.get(s.caseId()).caseNumber(), s.start(), s.end()))
        .toList();
  }
}
