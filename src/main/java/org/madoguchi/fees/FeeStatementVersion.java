package org.madoguchi.fees;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One version of a fee statement: its totals, the tax setting they were computed with, who made it, when
 * and why, and what it changed line by line. Its lines are the statement's lines with its number.
 */
@Entity
@Table(name = "fee_statement_versions")
class FeeStatementVersion {

  /** How a version changed one line. */
  enum ChangeKind {
    CHANGED,
    ADDED,
    REMOVED,
    WAIVED
  }

  /** One line's change in this version, with the reason staff gave. */
  @Embeddable
  static class Change {
    @Column(name = "line_no", nullable = false)
    private int lineNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false)
    private ChangeKind kind;

    @Column(nullable = false)
    private String reason;

    protected Change() {}

    Change(int lineNo, ChangeKind kind, String reason) {
      this.lineNo = lineNo;
      this.kind = kind;
      this.reason = reason;
    }

    int lineNo() {
      return lineNo;
    }

    ChangeKind kind() {
      return kind;
    }

    String reason() {
      return reason;
    }
  }

  static final int REASON_SUMMARY_MAX = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "version_no", nullable = false)
  private int versionNo;

  @Column(name = "subtotal_yen", nullable = false)
  private long subtotalYen;

  @Column(name = "tax_yen", nullable = false)
  private long taxYen;

  @Column(name = "total_yen", nullable = false)
  private long totalYen;

  @Column(name = "standard_tax_rate", nullable = false)
  private BigDecimal standardTaxRate;

  @Column(name = "reduced_tax_rate", nullable = false)
  private BigDecimal reducedTaxRate;

  @Enumerated(EnumType.STRING)
  @Column(name = "tax_rounding", nullable = false)
  private RoundingMode taxRounding;

  @Column(name = "fee_schedule")
  private String feeSchedule;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(name = "superseded_in")
  private StatementStatus supersededIn;

  @ElementCollection
  @CollectionTable(name = "fee_statement_changes", joinColumns = @JoinColumn(name = "version_id"))
  @OrderBy("lineNo")
  private List<Change> changes = new ArrayList<>();

  protected FeeStatementVersion() {}

  FeeStatementVersion(int versionNo, String createdBy, Instant createdAt, List<Change> changes) {
    this.versionNo = versionNo;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.changes.addAll(changes);
    this.reason = summary(changes);
  }

  /** The totals of the version's lines, and the setting that computed them. */
  void totals(ConsumptionTax.Breakdown tax, FeesProperties setting) {
    subtotalYen = tax.subtotalYen();
    taxYen = tax.taxYen();
    totalYen = tax.totalYen();
    standardTaxRate = setting.consumptionTaxRate();
    reducedTaxRate = setting.reducedTaxRate();
    taxRounding = setting.taxRounding();
  }

  /** Re-assessed before any revision: version 1 takes the new figures. */
  void reassessed(Instant now) {
    createdAt = now;
  }

  /** The next version replaced this one while the statement was {@code status}. */
  void superseded(StatementStatus status) {
    this.supersededIn = status;
  }

  StatementStatus supersededIn() {
    return supersededIn;
  }

  void pricedWith(String feeSchedule) {
    this.feeSchedule = feeSchedule;
  }

  /** The tax arithmetic as it was when this version was made. */
  ConsumptionTax tax() {
    return new ConsumptionTax(standardTaxRate, reducedTaxRate, taxRounding);
  }

  private static String summary(List<Change> changes) {
    if (changes.isEmpty()) {
      return null;
    }
    String joined =
        String.join("; ", changes.stream().map(c -> "#" + c.lineNo() + " " + c.reason()).distinct().toList());
    return joined.length() <= REASON_SUMMARY_MAX ? joined : joined.substring(0, REASON_SUMMARY_MAX - 1) + "…";
  }

  int versionNo() {
    return versionNo;
  }

  long subtotalYen() {
    return subtotalYen;
  }

  long taxYen() {
    return taxYen;
  }

  long totalYen() {
    return totalYen;
  }

  String feeSchedule() {
    return feeSchedule;
  }

  String createdBy() {
    return createdBy;
  }

  Instant createdAt() {
    return createdAt;
  }

  String reason() {
    return reason;
  }

  List<Change> changes() {
    return Collections.unmodifiableList(changes);
  }
}
