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

/** A request waiting for a released slot of its unit inside its window; see docs/booking.md, "Waitlist". */
@Entity
@Table(name = "waitlist_entries")
class WaitlistEntry {

  enum State {
    WAITING,
    /** Booked into released time, in the transaction that queued its {@code slot-released} message. */
    BOOKED,
    EXPIRED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "instrument_class")
  private String instrumentClass;

  @Column(name = "requested_hours", nullable = false)
  private BigDecimal requestedHours;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "window_end", nullable = false)
  private Instant windowEnd;

  @Column(name = "process_instance_key", nullable = false)
  private long processInstanceKey;

  @Column(name = "element_instance_key", nullable = false, unique = true)
  private long elementInstanceKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  @Column(name = "booking_id")
  private Long bookingId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected WaitlistEntry() {}

  WaitlistEntry(ReservationRequest request, Instant windowStart, Instant windowEnd, Instant now) {
    this.caseId = request.caseId();
    this.unitCode = request.unitCode();
    this.instrumentClass = request.instrumentClass();
    this.requestedHours = request.hours();
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.processInstanceKey = request.processInstanceKey();
    this.elementInstanceKey = request.elementInstanceKey();
    this.state = State.WAITING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void booked(long bookingId, Instant now) {
    this.bookingId = bookingId;
    this.state = State.BOOKED;
    this.updatedAt = now;
  }

  /** Returns false, changing nothing, unless the entry was waiting. */
  boolean expire(Instant now) {
    if (state != State.WAITING) {
      return false;
    }
    state = State.EXPIRED;
    updatedAt = now;
    return true;
  }

  /** The request as {@code booking.reserve} would make it; the booking keeps the engine instance, not the element. */
  ReservationRequest request() {
    return new ReservationRequest(caseId, unitCode, requestedHours, instrumentClass, null, processInstanceKey, elementInstanceKey);
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

  String instrumentClass() {
    return instrumentClass;
  }

  BigDecimal requestedHours() {
    return requestedHours;
  }

  Instant windowStart() {
    return windowStart;
  }

  Instant windowEnd() {
    return windowEnd;
  }

  State state() {
    return state;
  }

  Long bookingId() {
    return bookingId;
  }
}
