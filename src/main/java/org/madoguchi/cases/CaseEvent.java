package org.madoguchi.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a case's audit trail. */
@Entity
@Table(name = "case_events")
public class CaseEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  private String detail;

  @Column(name = "dedupe_key")
  private String dedupeKey;

  protected CaseEvent() {}

  CaseEvent(long caseId, String actor, String action, String detail, String dedupeKey) {
    this.caseId = caseId;
    this.occurredAt = Instant.now();
    this.actor = actor;
    this.action = action;
    this.detail = detail;
    this.dedupeKey = dedupeKey;
  }

  public long caseId() {
    return caseId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String detail() {
    return detail;
  }
}
