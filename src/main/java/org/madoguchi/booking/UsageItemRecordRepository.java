package org.madoguchi.booking;

import java.util.List;
import java.util.Collection;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UsageItemRecordRepository extends JpaRepository<UsageItemRecord, Long> {

  List<UsageItemRecord> findByCaseIdOrderByUsageRecordIdAscLineNoAsc(long caseId);

  List<UsageItemRecord> findByUsageRecordIdOrderByLineNo(long usageRecordId);

  boolean existsByBookingId(long bookingId);

  /**
   * [line id, instrument id, item kind, booking start] of these lines: a session's line through its usage
   * record's booking, a late cancellation's or no-show's through its own booking.
   */
  @Query("select i.id, b.instrumentId, i.itemKind, b.slotStart from UsageItemRecord i"
      + " left join UsageRecord r on r.id = i.usageRecordId"
      + " join Booking b on b.id = coalesce(r.bookingId, i.bookingId) where i.id in :ids")
  List<Object[]> origins(Collection<Long> ids);
}
