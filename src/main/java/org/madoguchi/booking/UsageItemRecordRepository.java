package org.madoguchi.booking;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UsageItemRecordRepository extends JpaRepository<UsageItemRecord, Long> {

  List<UsageItemRecord> findByCaseIdOrderByUsageRecordIdAscLineNoAsc(long caseId);

  List<UsageItemRecord> findByUsageRecordIdOrderByLineNo(long usageRecordId);

  boolean existsByBookingId(long bookingId);
}
