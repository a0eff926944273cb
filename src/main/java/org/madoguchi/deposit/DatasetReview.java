package org.madoguchi.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A data steward's decision on a dataset (on its latest deposit, when there is one). */
@Entity
@Table(name = "dataset_reviews")
class DatasetReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dataset_id", nullable = false)
  private long datasetId;

  @Column(name = "deposit_id")
  private Long depositId;

  @Column(nullable = false)
  private String verification;

  @Column(name = "steward_note")
  private String stewardNote;

  @Column(name = "job_key", nullable = false)
  private long jobKey;

  @Column(name = "reviewed_at", nullable = false)
  private Instant reviewedAt;

  protected DatasetReview() {}

  DatasetReview(long datasetId, Long depositId, Verification verification, String stewardNote, long jobKey, Instant now) {
    this.datasetId = datasetId;
    this.depositId = depositId;
    this.verification = verification.code();
    this.stewardNote = stewardNote;
    this.jobKey = jobKey;
    this.reviewedAt = now;
  }

  Long id() {
    return id;
  }

  long datasetId() {
    return datasetId;
  }

  Long depositId() {
    return depositId;
  }

  String verification() {
    return verification;
  }

  String stewardNote() {
    return stewardNote;
  }

  Instant reviewedAt() {
    return reviewedAt;
  }
}
