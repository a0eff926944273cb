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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

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

  // Cancellation and no-show policy (V210); see docs/booking.md, "Check-in, no-show and late cancellation".
  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancelled_by")
  private String cancelledBy;

  @Column(name = "late_cancellation", nullable = false)
  private boolean lateCancellation;

  @Column(name = "checked_in_at")
  private Instant checkedInAt;

  @Column(name = "checked_in_by")
  private String checkedInBy;

  @Column(name = "no_show_at")
  private Instant noShowAt;

  @Column(name = "no_show_by")
  private String noShowBy;

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
    cancelledAt = now;
    updatedAt = now;
    return true;
  }

  /** A cancellation someone asked for, late or not. Returns false, changing nothing, if the booking was not reserved. */
  boolean cancel(Instant now, String by, boolean late) {
    if (!cancel(now)) {
      return false;
    }
    cancelledBy = by;
    lateCancellation = late;
    return true;
  }

  /** The booked time in hours (two decimals, exact on the 30-minute grid). */
  BigDecimal bookedHours() {
    return BigDecimal.valueOf(Duration.between(slotStart, slotEnd).toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }

  /** The facility-local day of the session (its start): the date fees price it at. */
  LocalDate serviceDate(ZoneId zone) {
    return slotStart.atZone(zone).toLocalDate();
  }

  /** Within {@code lateCancellation} of the start, or after it. */
  boolean isLateAt(Instant now, Duration lateCancellation) {
    return !now.isBefore(slotStart.minus(lateCancellation));
  }

  /** Marks the session started; the reason it cannot be, if so. */
  Optional<SessionRefusal> checkIn(Instant now, String by, Duration openBeforeStart) {
    Optional<SessionRefusal> refusal =
        attendanceRefusal()
            .or(() -> now.isBefore(slotStart.minus(openBeforeStart)) ? Optional.of(SessionRefusal.TOO_EARLY) : Optional.empty())
            .or(() -> now.isBefore(slotEnd) ? Optional.empty() : Optional.of(SessionRefusal.SESSION_OVER));
    if (refusal.isEmpty()) {
      checkedInAt = now;
      checkedInBy = by;
      updatedAt = now;
    }
    return refusal;
  }

  /** Records that nobody came (the caller frees the slots); the reason it cannot be, if so. */
  Optional<SessionRefusal> markNoShow(Instant now, String by) {
    Optional<SessionRefusal> refusal =
        attendanceRefusal().or(() -> now.isBefore(slotStart) ? Optional.of(SessionRefusal.NOT_STARTED) : Optional.empty());
    if (refusal.isEmpty()) {
      status = BookingStatus.NO_SHOW;
      noShowAt = now;
      noShowBy = by;
      updatedAt = now;
    }
    return refusal;
  }

  /** What forbids recording attendance whatever the time: the session is no longer reserved, or already checked in. */
  private Optional<SessionRefusal> attendanceRefusal() {
    if (status == BookingStatus.NO_SHOW) {
      return Optional.of(SessionRefusal.NO_SHOW_RECORDED);
    }
    if (status != BookingStatus.RESERVED) {
      return Optional.of(SessionRefusal.NOT_RESERVED);
    }
    return checkedInAt != null ? Optional.of(SessionRefusal.ALREADY_CHECKED_IN) : Optional.empty();
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

  Instant cancelledAt() {
    return cancelledAt;
  }

  String cancelledBy() {
    return cancelledBy;
  }

  boolean lateCancellation() {
    return lateCancellation;
  }

  Instant checkedInAt() {
    return checkedInAt;
  }

  String checkedInBy() {
    return checkedInBy;
  }

  Instant noShowAt() {
    return noShowAt;
  }

  String noShowBy() {
    return noShowBy;
  }
}
