package org.madoguchi.outcomes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One report the applicant sent (at closure or at the follow-up), with its free-text notes. */
@Entity
@Table(name = "outcome_reports")
class OutcomeReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  private String notes;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  @Column(name = "reported_by", nullable = false)
  private String reportedBy;

  protected OutcomeReport() {}

  OutcomeReport(long caseId, String notes, String reportedBy, Instant now) {
    this.caseId = caseId;
    this.notes = notes;
    this.reportedBy = reportedBy;
    this.reportedAt = now;
  }

  Long id() {
    return id;
  }

  long caseId() {
    return caseId;
  }

  String notes() {
    return notes;
  }

  Instant reportedAt() {
    return reportedAt;
  }

  String reportedBy() {
    return reportedBy;
  }
}
