package org.madoguchi.booking;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Bookings read as calendar entries: ending after a moment, cancelled ones only if cancelled since another. */
interface BookedSessionRepository extends Repository<Booking, Long> {

  String SESSION =
      "select new org.madoguchi.booking.BookedSession(b.id, b.caseId, b.unitCode, b.instrumentId, b.slotStart, b.slotEnd,"
          + " cast(b.status as String), b.version, b.createdAt, b.updatedAt) from Booking b";
  String SHOWN = " and b.slotEnd > :endingAfter and (b.status <> :cancelled or b.updatedAt >= :cancelledSince)";
  String ORDER = " order by b.slotStart, b.id";

  @Query(SESSION + " where b.instrumentId = :instrumentId" + SHOWN + ORDER)
  List<BookedSession> onInstrument(long instrumentId, Instant endingAfter, BookingStatus cancelled, Instant cancelledSince);

  @Query(SESSION + " where b.caseId in :caseIds" + SHOWN + ORDER)
  List<BookedSession> ofCases(Collection<Long> caseIds, Instant endingAfter, BookingStatus cancelled, Instant cancelledSince);
}
