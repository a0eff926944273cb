package org.madoguchi.fees.recovery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One cost entry of an instrument; written once, never changed (a reversal is an entry of its own). */
@Entity
@Table(name = "upkeep_costs")
class UpkeepCost {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "instrument_id", nullable = false, updatable = false)
  private long instrumentId;

  @Column(name = "incurred_on", nullable = false, updatable = false)
  private LocalDate incurredOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private CostKind kind;

  @Column(name = "amount_yen", nullable = false, updatable = false)
  private long amountYen;

  @Column(nullable = false, updatable = false)
  private String description;

  @Column(name = "reverses_id", updatable = false)
  private Long reversesId;

  @Column(name = "reversal_reason", updatable = false)
  private String reversalReason;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected UpkeepCost() {}

  UpkeepCost(long instrumentId, LocalDate incurredOn, CostKind kind, long amountYen, String description, String recordedBy, Instant recordedAt) {
    this.instrumentId = instrumentId;
    this.incurredOn = incurredOn;
    this.kind = kind;
    this.amountYen = amountYen;
    this.description = description;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  /** The entry that cancels this one: same instrument, day, kind and description, the amount negated. */
  UpkeepCost reversal(String reason, String by, Instant at) {
    UpkeepCost reversal = new UpkeepCost(instrumentId, incurredOn, kind, -amountYen, description, by, at);
    reversal.reversesId = id;
    reversal.reversalReason = reason;
    return reversal;
  }

  Long id() {
    return id;
  }

  boolean isReversal() {
    return reversesId != null;
  }

  CostEntry view(Long reversedBy) {
    return new CostEntry(id, instrumentId, incurredOn, kind, amountYen, description, reversesId, reversalReason, reversedBy, recordedBy, recordedAt);
  }
}
