package org.madoguchi.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One recorded instrument session (at most one per booking). */
@Entity
@Table(name = "usage_records")
class UsageRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "booking_id", nullable = false, unique = true)
  private long bookingId;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "instrument_id", nullable = false)
  private long instrumentId;

  @Column(name = "actual_hours", nullable = false)
  private BigDecimal actualHours;

  @Column(name = "eln_reference")
  private String elnReference;

  @Column(name = "session_notes")
  private String sessionNotes;

  @Column(name = "dataset_count", nullable = false)
  private int datasetCount;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected UsageRecord() {}

  UsageRecord(Booking booking, SessionReport report, Instant now) {
    this.bookingId = booking.id();
    this.caseId = booking.caseId();
    this.unitCode = booking.unitCode();
    this.instrumentId = booking.instrumentId();
    this.actualHours = report.actualHours();
    this.elnReference = report.elnReference();
    this.sessionNotes = report.sessionNotes();
    this.datasetCount = report.datasets().size();
    this.recordedAt = now;
  }

  Long id() {
    return id;
  }

  long bookingId() {
    return bookingId;
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

  BigDecimal actualHours() {
    return actualHours;
  }

  String elnReference() {
    return elnReference;
  }

  String sessionNotes() {
    return sessionNotes;
  }

  int datasetCount() {
    return datasetCount;
  }

  Instant recordedAt() {
    return recordedAt;
  }
}
