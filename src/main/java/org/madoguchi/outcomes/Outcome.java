package org.madoguchi.outcomes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A paper, patent or drug-discovery seed that came of the support. */
@Entity
@Table(name = "outcomes")
class Outcome {

  static final String PAPER = "paper";
  static final String PATENT = "patent";
  static final String SEED = "seed";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "report_id", nullable = false)
  private long reportId;

  @Column(nullable = false)
  private String kind;

  private String doi;

  @Column(name = "application_number")
  private String applicationNumber;

  private String description;

  private String title;

  private String stage;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  @Column(name = "reported_by", nullable = false)
  private String reportedBy;

  protected Outcome() {}

  private Outcome(OutcomeReport report, String kind) {
    this.caseId = report.caseId();
    this.reportId = report.id();
    this.kind = kind;
    this.reportedAt = report.reportedAt();
    this.reportedBy = report.reportedBy();
  }

  static Outcome paper(OutcomeReport report, String doi, String title) {
    Outcome o = new Outcome(report, PAPER);
    o.doi = doi;
    o.title = title;
    return o;
  }

  static Outcome patent(OutcomeReport report, String applicationNumber, String title) {
    Outcome o = new Outcome(report, PATENT);
    o.applicationNumber = applicationNumber;
    o.title = title;
    return o;
  }

  static Outcome seed(OutcomeReport report, String description, String stage) {
    Outcome o = new Outcome(report, SEED);
    o.description = description;
    o.stage = stage;
    return o;
  }

  Long id() {
    return id;
  }

  long caseId() {
    return caseId;
  }

  long reportId() {
    return reportId;
  }

  String kind() {
    return kind;
  }

  String doi() {
    return doi;
  }

  String applicationNumber() {
    return applicationNumber;
  }

  String description() {
    return description;
  }

  String title() {
    return title;
  }

  String stage() {
    return stage;
  }

  Instant reportedAt() {
    return reportedAt;
  }
}
