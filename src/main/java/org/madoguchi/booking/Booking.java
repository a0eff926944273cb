package org.madoguchi.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A reservation of one instrument for one unit-support session. Its slot rows live in booking_slots. */
@Entity
@Table(name = "bookings")
class Booking {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "instrument_id", nullable = false)
  private long instrumentId;

  @Column(name = "process_instance_key", nullable = false)
  private long processInstanceKey;

  @Column(name = "element_instance_key", nullable = false, unique = true)
  private long elementInstanceKey;

  @Column(name = "requested_hours", nullable = false)
  private BigDecimal requestedHours;

  @Column(name = "slot_start", nullable = false)
  private Instant slotStart;

  @Column(name = "slot_end", nullable = false)
  private Instant slotEnd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BookingStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Booking() {}

  Booking(ReservationRequest request, long instrumentId, SlotPlanner.Period period, Instant now) {
    this.caseId = request.caseId();
    this.unitCode = request.unitCode();
    this.processInstanceKey = request.processInstanceKey();
    this.elementInstanceKey = request.elementInstanceKey();
    this.requestedHours = request.hours();
    this.instrumentId = instrumentId;
    this.slotStart = period.start();
    this.slotEnd = period.end();
    this.status = BookingStatus.RESERVED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Places the (not yet committed) reservation elsewhere, after its first choice was taken meanwhile. */
  void moveTo(long instrumentId, SlotPlanner.Period period) {
    this.instrumentId = instrumentId;
    this.slotStart = period.start();
    this.slotEnd = period.end();
  }

  /** Returns false, changing nothing, if the booking was not reserved. */
  boolean complete(Instant now) {
    if (status != BookingStatus.RESERVED) {
      return false;
    }
    status = BookingStatus.COMPLETED;
    updatedAt = now;
    return true;
  }

  /** Returns false, changing nothing, if the booking was not reserved. */
  boolean cancel(Instant now) {
    if (status != BookingStatus.RESERVED) {
      return false;
    }
    status = BookingStatus.CANCELLED;
    updatedAt = now;
    return true;
  }

  Long id() {
    return id;
  }

  long caseId() {
    return caseId;
  }

  String unitCode() {
    return unitCode;
  }

  long instrumentId() {
    return instrumentId;
  }

  long processInstanceKey() {
    return processInstanceKey;
  }

  long elementInstanceKey() {
    return elementInstanceKey;
  }

  BigDecimal requestedHours() {
    return requestedHours;
  }

  Instant slotStart() {
    return slotStart;
  }

  Instant slotEnd() {
    return slotEnd;
  }

  BookingStatus status() {
    return status;
  }
}
