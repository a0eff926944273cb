package org.madoguchi.booking;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BookingRepository extends JpaRepository<Booking, Long> {

  Optional<Booking> findByElementInstanceKey(long elementInstanceKey);

  List<Booking> findByProcessInstanceKeyAndStatus(long processInstanceKey, BookingStatus status);

  List<Booking> findByCaseIdAndStatusOrderById(long caseId, BookingStatus status);

  List<Booking> findByCaseIdOrderById(long caseId);

  List<Booking> findByInstrumentIdAndStatusAndSlotStartLessThanAndSlotEndGreaterThanOrderBySlotStart(
      long instrumentId, BookingStatus status, Instant before, Instant after);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select b from Booking b where b.id = :id")
  Optional<Booking> findForUpdate(long id);
}
