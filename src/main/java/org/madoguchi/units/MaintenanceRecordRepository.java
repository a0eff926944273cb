package org.madoguchi.units;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MaintenanceRecordRepository extends JpaRepository<MaintenanceRecord, Long> {

  @Query(
      "select m from MaintenanceRecord m where m.instrumentId = :instrumentId"
          + " and m.startsAt < :to and m.endsAt > :from order by m.startsAt")
  List<MaintenanceRecord> overlapping(long instrumentId, Instant from, Instant to);

  @Query(
      "select m from MaintenanceRecord m where m.instrumentId in :instrumentIds"
          + " and m.startsAt < :to and m.endsAt > :from order by m.startsAt, m.id")
  List<MaintenanceRecord> overlappingAny(Collection<Long> instrumentIds, Instant from, Instant to);

  List<MaintenanceRecord> findByInstrumentIdAndEndsAtAfterOrderByStartsAt(long instrumentId, Instant after);
}
