package org.madoguchi.booking;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UsageRecordRepository extends JpaRepository<UsageRecord, Long> {

  Optional<UsageRecord> findByBookingId(long bookingId);

  List<UsageRecord> findByCaseIdOrderById(long caseId);

  boolean existsByCaseId(long caseId);

  List<UsageRecord> findByBookingIdIn(java.util.Collection<Long> bookingIds);
}
