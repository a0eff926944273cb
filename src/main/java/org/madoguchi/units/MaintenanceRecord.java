package org.madoguchi.units;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored maintenance window. */
@Entity
@Table(name = "maintenance_windows")
class MaintenanceRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "instrument_id", nullable = false)
  private long instrumentId;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  @Column(nullable = false)
  private String reason;

  @Column(nullable = false)
  private String kind;

  protected MaintenanceRecord() {}

  MaintenanceRecord(long instrumentId, WindowKind kind, Instant startsAt, Instant endsAt, String reason) {
    this.instrumentId = instrumentId;
    this.kind = kind.code();
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.reason = reason;
  }

  long instrumentId() {
    return instrumentId;
  }

  MaintenanceWindow view() {
    return new MaintenanceWindow(id, instrumentId, startsAt, endsAt, reason, WindowKind.of(kind));
  }
}
