package org.madoguchi.fees;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One priced line of a fee statement. */
@Entity
@Table(name = "fee_lines")
class FeeLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Column(name = "usage_item_id", nullable = false)
  private long usageItemId;

  private String description;

  @Column(name = "instrument_class")
  private String instrumentClass;

  @Column(name = "item_kind", nullable = false)
  private String itemKind;

  @Column(nullable = false)
  private BigDecimal quantity;

  @Column(name = "unit_cost_yen", nullable = false)
  private long unitCostYen;

  @Column(name = "charge_rate", nullable = false)
  private BigDecimal chargeRate;

  @Column(name = "rule_name", nullable = false)
  private String ruleName;

  @Column(name = "amount_yen", nullable = false)
  private long amountYen;

  // The fee table by date (V240): the day of the service, and the fee table that priced the line; both null
  // on lines assessed before they were recorded.
  @Column(name = "used_on")
  private LocalDate usedOn;

  @Column(name = "fee_schedule")
  private String feeSchedule;

  protected FeeLine() {}

  /** {@code feeSchedule}: the deployed fee table that priced it ({@link FeeScheduleVersions}), null when unknown. */
  FeeLine(FeeCalculator.Line line, String feeSchedule) {
    this.lineNo = line.lineNo();
    this.usageItemId = line.item().usageItemId();
    this.description = truncate(line.item().description(), 500);
    this.instrumentClass = line.item().instrumentClass();
    this.itemKind = line.item().itemKind();
    this.quantity = line.item().quantity();
    this.unitCostYen = line.item().unitCostYen();
    this.chargeRate = line.rule().chargeRate();
    this.ruleName = truncate(line.rule().ruleName(), 200);
    this.amountYen = line.amountYen();
    // The fee table by date
    this.usedOn = line.item().usedOn();
    this.feeSchedule = feeSchedule;
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  int lineNo() {
    return lineNo;
  }

  long usageItemId() {
    return usageItemId;
  }

  String description() {
    return description;
  }

  String instrumentClass() {
    return instrumentClass;
  }

  String itemKind() {
    return itemKind;
  }

  BigDecimal quantity() {
    return quantity;
  }

  long unitCostYen() {
    return unitCostYen;
  }

  BigDecimal chargeRate() {
    return chargeRate;
  }

  String ruleName() {
    return ruleName;
  }

  long amountYen() {
    return amountYen;
  }

  // The fee table by date
  LocalDate usedOn() {
    return usedOn;
  }

  String feeSchedule() {
    return feeSchedule;
  }
}
