package org.madoguchi.booking;

import java.util.List;
import java.util.Optional;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UsageRecordRepository extends JpaRepository<UsageRecord, Long> {

  Optional<UsageRecord> findByBookingId(long bookingId);

  List<UsageRecord> findByCaseIdOrderById(long caseId);

  boolean existsByCaseId(long caseId);

  List<UsageRecord> findByBookingIdIn(java.util.Collection<Long> bookingIds);

  /** [instrument id, sum of actual hours] of the sessions whose booking starts in [from, to). */
  @Query("select r.instrumentId, sum(r.actualHours) from UsageRecord r join Booking b on b.id = r.bookingId"
      + " where b.slotStart >= :from and b.slotStart < :to group by r.instrumentId")
  List<Object[]> hoursByInstrument(Instant from, Instant to);
}
