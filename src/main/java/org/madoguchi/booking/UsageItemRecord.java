package org.madoguchi.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One chargeable line of a recorded session. */
@Entity
@Table(name = "usage_items")
class UsageItemRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "usage_record_id", nullable = false)
  private long usageRecordId;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "instrument_class", nullable = false)
  private String instrumentClass;

  @Column(name = "item_kind", nullable = false)
  private String itemKind;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private BigDecimal quantity;

  @Column(name = "unit_cost_yen", nullable = false)
  private long unitCostYen;

  protected UsageItemRecord() {}

  UsageItemRecord(UsageRecord record, UsageLines.Line line) {
    this.usageRecordId = record.id();
    this.lineNo = line.lineNo();
    this.caseId = record.caseId();
    this.unitCode = record.unitCode();
    this.instrumentClass = line.instrumentClass();
    this.itemKind = line.itemKind();
    this.description = line.description();
    this.quantity = line.quantity();
    this.unitCostYen = line.unitCostYen();
  }

  UsageItem view() {
    return new UsageItem(id, unitCode, instrumentClass, itemKind, description, quantity, unitCostYen);
  }

  long usageRecordId() {
    return usageRecordId;
  }

  int lineNo() {
    return lineNo;
  }
}
