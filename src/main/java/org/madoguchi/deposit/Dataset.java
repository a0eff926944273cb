package org.madoguchi.deposit;

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

/** One dataset produced with the support, and where it stands on its way to the managed store. */
@Entity
@Table(name = "datasets")
class Dataset {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "usage_record_id", nullable = false)
  private long usageRecordId;

  @Column(name = "item_no", nullable = false)
  private int itemNo;

  @Column(nullable = false)
  private String title;

  @Column(name = "data_type", nullable = false)
  private String dataType;

  @Column(name = "size_gb")
  private BigDecimal sizeGb;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DatasetStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Dataset() {}

  Dataset(long caseId, String unitCode, long usageRecordId, int itemNo, String title, String dataType, BigDecimal sizeGb, Instant now) {
    this.caseId = caseId;
    this.unitCode = unitCode;
    this.usageRecordId = usageRecordId;
    this.itemNo = itemNo;
    this.title = title;
    this.dataType = dataType;
    this.sizeGb = sizeGb;
    this.status = DatasetStatus.PENDING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Moves to {@code target}; returns false when already there. Callers check that the move is allowed. */
  boolean moveTo(DatasetStatus target, Instant now) {
    if (status == target) {
      return false;
    }
    status = target;
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

  long usageRecordId() {
    return usageRecordId;
  }

  int itemNo() {
    return itemNo;
  }

  String title() {
    return title;
  }

  String dataType() {
    return dataType;
  }

  BigDecimal sizeGb() {
    return sizeGb;
  }

  DatasetStatus status() {
    return status;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
