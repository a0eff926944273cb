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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The fee statement of a case (one per case) and its lifecycle: DRAFT after assessment, then
 * NO_CHARGE, or ISSUED -> ACCEPTED / DISPUTED (-> ISSUED again after finance review). It has numbered
 * versions: 1 is the assessment, each revision by staff adds one ({@link #addVersion}); the amounts
 * here are the current version's.
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

  @Column(name = "current_version", nullable = false)
  private int currentVersion;

  @Column(name = "issued_version")
  private Integer issuedVersion;

  @Version private long version;

  /** The lines of every version. */
  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "statement_id", nullable = false)
  @OrderBy("versionNo, lineNo")
  private List<FeeLine> lines = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "statement_id", nullable = false)
  @OrderBy("versionNo")
  private List<FeeStatementVersion> versions = new ArrayList<>();

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
   * Takes the lines of an assessment as version 1, priced by the fee table {@code feeSchedule} (null when
   * unknown) and totalled per tax class; back to DRAFT so finance reviews the new figures. Once staff
   * revised it, the revisions stand: it is not re-assessed.
   */
  void assessed(FeeCalculator.Assessment assessment, String feeSchedule, FeesProperties setting, Instant now) {
    discardAssessedLines();
    assessment.lines().forEach(line -> lines.add(new FeeLine(line)));
    if (versions.isEmpty()) {
      versions.add(new FeeStatementVersion(1, "system", now, List.of()));
    } else {
      versions.getFirst().reassessed(now);
    }
    versions.getFirst().pricedWith(feeSchedule);
    currentVersion = 1;
    totalled(versions.getFirst(), setting);
    status = StatementStatus.DRAFT;
    assessedAt = now;
  }

  /**
   * Removes the lines of an assessment that staff have not revised, before a new assessment replaces them
   * (flushed first, so that the new lines do not meet the old ones' line numbers).
   */
  void discardAssessedLines() {
    if (!isReplaceable()) {
      throw new IllegalStateException("statement " + id + " was accepted; it cannot be re-assessed");
    }
    if (currentVersion > 1) {
      throw new IllegalStateException("statement " + id + " was revised (version " + currentVersion + "); it cannot be re-assessed");
    }
    lines.clear();
  }

  /**
   * Makes {@code newLines} the next version, with the changes that made them; the lines of the version
   * before stay as they were. The caller checked the state, the base version and the total.
   */
  FeeStatementVersion addVersion(
      List<FeeLine> newLines, List<FeeStatementVersion.Change> changes, FeesProperties setting, String createdBy, Instant now) {
    int next = currentVersion + 1;
    newLines.forEach(line -> {
      if (line.versionNo() != next) {
        throw new IllegalArgumentException("line " + line.lineNo() + " is of version " + line.versionNo() + ", not " + next);
      }
    });
    FeeStatementVersion added = new FeeStatementVersion(next, createdBy, now, changes);
    added.pricedWith(currentVersionRecord().feeSchedule());
    currentVersionRecord().superseded(status);
    versions.add(added);
    lines.addAll(newLines);
    currentVersion = next;
    totalled(added, setting);
    return added;
  }

  /** The lines {@code newLines} would total, with tax once per tax class. */
  static ConsumptionTax.Breakdown totalOf(List<FeeLine> newLines, FeesProperties setting) {
    return new ConsumptionTax(setting)
        .of(newLines.stream().map(l -> new ConsumptionTax.Taxable(l.taxClass(), l.amountYen())).toList());
  }

  private void totalled(FeeStatementVersion current, FeesProperties setting) {
    ConsumptionTax.Breakdown tax = totalOf(lines(), setting);
    current.totals(tax, setting);
    subtotalYen = tax.subtotalYen();
    taxRate = setting.consumptionTaxRate();
    taxYen = tax.taxYen();
    totalYen = tax.totalYen();
  }

  /** Whether staff may still change the lines: before the applicant accepted and unless nothing is charged. */
  boolean isRevisable() {
    return status.isRevisable();
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
    issuedVersion = currentVersion;
    issuedJobKey = jobKey;
    issueCount++;
    financeNote = note;
    issuedAt = now;
    return true;
  }

  /** A revision of a sent statement goes out again: counted as a sending, still awaiting the answer. */
  void reissued(Instant now) {
    if (status != StatementStatus.ISSUED) {
      throw new IllegalStateException("statement " + id + " is " + status + "; only a sent statement is sent again");
    }
    issueCount++;
    issuedVersion = currentVersion;
    issuedAt = now;
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

  int currentVersion() {
    return currentVersion;
  }

  /** The version last sent to the applicant: what they see; null while none was sent. */
  Integer issuedVersion() {
    return issuedVersion;
  }

  /** The current version's lines. */
  List<FeeLine> lines() {
    return linesOf(currentVersion);
  }

  List<FeeLine> linesOf(int versionNo) {
    return lines.stream().filter(l -> l.versionNo() == versionNo).sorted(Comparator.comparingInt(FeeLine::lineNo)).toList();
  }

  FeeStatementVersion currentVersionRecord() {
    return versions.get(currentVersion - 1);
  }

  Optional<FeeStatementVersion> versionRecord(int versionNo) {
    return versions.stream().filter(v -> v.versionNo() == versionNo).findFirst();
  }

  List<FeeStatementVersion> versions() {
    return Collections.unmodifiableList(versions);
  }
}
