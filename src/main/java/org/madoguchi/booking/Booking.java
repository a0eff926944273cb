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
import java.math.RoundingMode;
import java.time.Duration;
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

  /** The engine instance that booked it; null for a slot chosen by a person. */
  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "element_instance_key", unique = true)
  private Long elementInstanceKey;

  /** Who chose the slot (an audit actor's stored form); null for a booking made by the engine. */
  @Column(name = "booked_by")
  private String bookedBy;

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

  /** A slot a person chose on one instrument. */
  Booking(long caseId, String unitCode, long instrumentId, SlotPlanner.Period period, String bookedBy, Instant now) {
    this.caseId = caseId;
    this.unitCode = unitCode;
    this.instrumentId = instrumentId;
    this.requestedHours = BigDecimal.valueOf(Duration.between(period.start(), period.end()).toMinutes())
        .divide(BigDecimal.valueOf(60), 2, RoundingMode.UP);
    this.slotStart = period.start();
    this.slotEnd = period.end();
    this.bookedBy = bookedBy;
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

  /** A person moved the reserved booking to another time (or instrument of its unit). */
  void reschedule(long instrumentId, SlotPlanner.Period period, Instant now) {
    moveTo(instrumentId, period);
    updatedAt = now;
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

  Long processInstanceKey() {
    return processInstanceKey;
  }

  Long elementInstanceKey() {
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
