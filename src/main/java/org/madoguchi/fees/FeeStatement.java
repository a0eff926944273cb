package org.madoguchi.fees;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fee statement of a case (one per case) and its lifecycle: DRAFT after assessment, then
 * NO_CHARGE, or ISSUED -> ACCEPTED / DISPUTED (-> ISSUED again after finance review).
 */
@Entity
@Table(name = "fee_statements")
class FeeStatement {

  static final String CURRENCY = "JPY";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false, unique = true)
  private long caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private StatementStatus status;

  @Column(nullable = false)
  private String currency;

  @Column(name = "subtotal_yen", nullable = false)
  private long subtotalYen;

  @Column(name = "tax_rate", nullable = false)
  private BigDecimal taxRate;

  @Column(name = "tax_yen", nullable = false)
  private long taxYen;

  @Column(name = "total_yen", nullable = false)
  private long totalYen;

  @Column(name = "finance_note")
  private String financeNote;

  @Column(name = "dispute_reason")
  private String disputeReason;

  @Column(name = "issue_count", nullable = false)
  private int issueCount;

  @Column(name = "response_count", nullable = false)
  private int responseCount;

  @Column(name = "issued_job_key")
  private Long issuedJobKey;

  @Column(name = "assessed_at", nullable = false)
  private Instant assessedAt;

  @Column(name = "issued_at")
  private Instant issuedAt;

  @Column(name = "responded_at")
  private Instant respondedAt;

  @Version private long version;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "statement_id", nullable = false)
  @OrderBy("lineNo")
  private List<FeeLine> lines = new ArrayList<>();

  protected FeeStatement() {}

  FeeStatement(long caseId) {
    this.caseId = caseId;
    this.status = StatementStatus.DRAFT;
    this.currency = CURRENCY;
  }

  /** Whether a new assessment may still replace the lines: anything but an accepted statement. */
  boolean isReplaceable() {
    return status != StatementStatus.ACCEPTED;
  }

  /**
   * Takes the amounts of an assessment, priced by the fee table {@code feeSchedule} (null when unknown);
   * back to DRAFT so finance reviews the new figures.
   */
  void assessed(FeeCalculator.Assessment assessment, String feeSchedule, Instant now) {
    if (!isReplaceable()) {
      throw new IllegalStateException("statement " + id + " was accepted; it cannot be re-assessed");
    }
    lines.clear();
    assessment.lines().forEach(line -> lines.add(new FeeLine(line, feeSchedule)));
    subtotalYen = assessment.subtotalYen();
    taxRate = assessment.taxRate();
    taxYen = assessment.taxYen();
    totalYen = assessment.totalYen();
    status = StatementStatus.DRAFT;
    assessedAt = now;
  }

  /** A zero total needs no statement; returns false if it was already marked. */
  boolean markNoCharge() {
    if (status == StatementStatus.NO_CHARGE) {
      return false;
    }
    if (status != StatementStatus.DRAFT || totalYen != 0) {
      throw new IllegalStateException(
          "statement " + id + " (" + status + ", total " + totalYen + " yen) cannot be marked no-charge");
    }
    status = StatementStatus.NO_CHARGE;
    return true;
  }

  /**
   * Sends the statement (again, after a dispute). Returns false, changing nothing, when this job
   * already issued it or it is already out (a retried job); throws where the journey does not allow it.
   */
  boolean issue(long jobKey, String note, Instant now) {
    if (issuedJobKey != null && issuedJobKey == jobKey) {
      return false;
    }
    if (status == StatementStatus.ISSUED || status == StatementStatus.ACCEPTED) {
      return false;
    }
    if (status != StatementStatus.DRAFT && status != StatementStatus.DISPUTED) {
      throw new IllegalStateException("statement " + id + " is " + status + "; it cannot be sent");
    }
    if (totalYen == 0) {
      throw new IllegalStateException("statement " + id + " has a zero total; send a no-charge notice instead");
    }
    status = StatementStatus.ISSUED;
    issuedJobKey = jobKey;
    issueCount++;
    financeNote = note;
    issuedAt = now;
    return true;
  }

  boolean isAwaitingResponse() {
    return status == StatementStatus.ISSUED;
  }

  /** Records the applicant's answer; returns its sequence number (part of the message id). */
  int respond(boolean accepted, String reason, Instant now) {
    if (!isAwaitingResponse()) {
      throw new IllegalStateException("statement " + id + " is " + status + ", not awaiting a response");
    }
    status = accepted ? StatementStatus.ACCEPTED : StatementStatus.DISPUTED;
    disputeReason = accepted ? null : reason;
    respondedAt = now;
    return ++responseCount;
  }

  Long id() {
    return id;
  }

  long caseId() {
    return caseId;
  }

  StatementStatus status() {
    return status;
  }

  String currency() {
    return currency;
  }

  long subtotalYen() {
    return subtotalYen;
  }

  BigDecimal taxRate() {
    return taxRate;
  }

  long taxYen() {
    return taxYen;
  }

  long totalYen() {
    return totalYen;
  }

  String financeNote() {
    return financeNote;
  }

  String disputeReason() {
    return disputeReason;
  }

  int issueCount() {
    return issueCount;
  }

  int responseCount() {
    return responseCount;
  }

  Instant assessedAt() {
    return assessedAt;
  }

  Instant issuedAt() {
    return issuedAt;
  }

  Instant respondedAt() {
    return respondedAt;
  }

  List<FeeLine> lines() {
    return Collections.unmodifiableList(lines);
  }
}
