package org.madoguchi.fees;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One priced line of one version of a fee statement. A version's lines are never changed once another
 * version follows: a revision copies the lines it keeps ({@link #FeeLine(FeeLine, int)}) into the new version.
 */
@Entity
@Table(name = "fee_lines")
class FeeLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "version_no", nullable = false)
  private int versionNo;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LineKind kind;

  @Column(name = "usage_item_id")
  private Long usageItemId;

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

  @Enumerated(EnumType.STRING)
  @Column(name = "tax_class", nullable = false)
  private TaxClass taxClass;

  @Column(name = "transaction_date")
  private LocalDate transactionDate;

  @Column(name = "change_reason")
  private String changeReason;

  @Column(name = "granted_by")
  private String grantedBy;

  protected FeeLine() {}

  /** A usage line of the assessment (version 1), dated the day of the service; consumption tax at the standard rate. */
  FeeLine(FeeCalculator.Line line) {
    this.versionNo = 1;
    this.kind = LineKind.USAGE;
    this.taxClass = TaxClass.STANDARD;
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
    this.transactionDate = line.item().usedOn();
  }

  /** Every column of {@code source}, carried into version {@code versionNo} unchanged. */
  FeeLine(FeeLine source, int versionNo) {
    this.versionNo = versionNo;
    this.lineNo = source.lineNo;
    this.kind = source.kind;
    this.usageItemId = source.usageItemId;
    this.description = source.description;
    this.instrumentClass = source.instrumentClass;
    this.itemKind = source.itemKind;
    this.quantity = source.quantity;
    this.unitCostYen = source.unitCostYen;
    this.chargeRate = source.chargeRate;
    this.ruleName = source.ruleName;
    this.amountYen = source.amountYen;
    this.taxClass = source.taxClass;
    this.transactionDate = source.transactionDate;
    // A reason and a grantor belong to the version that made the change.
    this.changeReason = source.kind == LineKind.WAIVER ? source.changeReason : null;
    this.grantedBy = source.grantedBy;
  }

  /** A line finance adds: priced like an assessed one, {@code floor(quantity x unit price x rate)}. */
  static FeeLine added(
      int versionNo, int lineNo, String description, BigDecimal quantity, long unitPriceYen, BigDecimal chargeRate,
      TaxClass taxClass, LocalDate transactionDate, String reason) {
    FeeLine line = new FeeLine();
    line.versionNo = versionNo;
    line.lineNo = lineNo;
    line.kind = LineKind.ADJUSTMENT;
    line.description = description;
    line.itemKind = LineKind.ADJUSTMENT.name().toLowerCase(java.util.Locale.ROOT);
    line.ruleName = RULE_BY_FINANCE;
    line.taxClass = taxClass;
    line.transactionDate = transactionDate;
    line.priced(quantity, unitPriceYen, chargeRate);
    line.changeReason = reason;
    return line;
  }

  /**
   * The waiver of {@code amountYen} yen in {@code taxClass}: a negative line naming who granted it and why.
   * {@code waives} (its rule) says what it waives: {@link #waiverOfLine} or {@link #WAIVER_OF_CASE}.
   */
  static FeeLine waiver(
      int versionNo, int lineNo, String waives, String description, TaxClass taxClass, long amountYen, String grantedBy,
      String reason) {
    FeeLine line = new FeeLine();
    line.versionNo = versionNo;
    line.lineNo = lineNo;
    line.kind = LineKind.WAIVER;
    line.description = truncate(description, 500);
    line.itemKind = "waiver";
    line.ruleName = waives;
    line.quantity = BigDecimal.ONE;
    line.unitCostYen = -amountYen;
    line.chargeRate = BigDecimal.ONE;
    line.amountYen = -amountYen;
    line.taxClass = taxClass;
    line.changeReason = reason;
    line.grantedBy = grantedBy;
    return line;
  }

  /** This line (already carried into the new version) with new figures, as finance changed it. */
  void changed(BigDecimal newQuantity, long newUnitPriceYen, BigDecimal newChargeRate, String reason) {
    if (kind == LineKind.USAGE) {
      kind = LineKind.ADJUSTMENT;
    }
    priced(newQuantity, newUnitPriceYen, newChargeRate);
    changeReason = reason;
  }

  private void priced(BigDecimal newQuantity, long newUnitPriceYen, BigDecimal newChargeRate) {
    this.quantity = newQuantity;
    this.unitCostYen = newUnitPriceYen;
    this.chargeRate = newChargeRate;
    this.amountYen = FeeCalculator.amount(newQuantity, newUnitPriceYen, newChargeRate);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  static final String RULE_BY_FINANCE = "finance";
  static final String WAIVER_OF_CASE = "waiver of the whole case";

  static String waiverOfLine(int lineNo) {
    return "waiver of line " + lineNo;
  }

  int versionNo() {
    return versionNo;
  }

  int lineNo() {
    return lineNo;
  }

  LineKind kind() {
    return kind;
  }

  TaxClass taxClass() {
    return taxClass;
  }

  LocalDate transactionDate() {
    return transactionDate;
  }

  String changeReason() {
    return changeReason;
  }

  String grantedBy() {
    return grantedBy;
  }

  Long usageItemId() {
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
}
