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

  /**
   * Whether another booking holds or used (part of) the time {@code bookingId} freed: one on the same
   * instrument, reserved or completed, overlapping its period. The waiver rule of a late cancellation
   * or a no-show.
   */
  @Query(
      "select count(other) > 0 from Booking freed, Booking other where freed.id = :bookingId"
          + " and other.instrumentId = freed.instrumentId and other.id <> freed.id"
          + " and other.status in (org.madoguchi.booking.BookingStatus.RESERVED, org.madoguchi.booking.BookingStatus.COMPLETED)"
          + " and other.slotStart < freed.slotEnd and other.slotEnd > freed.slotStart")
  boolean slotReused(long bookingId);

  @Query("select b from Booking b where b.instrumentId = :instrumentId and b.status <> :excluded"
      + " and b.slotStart < :to and b.slotEnd > :from order by b.slotStart")
  List<Booking> onInstrumentBetween(long instrumentId, Instant from, Instant to, BookingStatus excluded);
}
