package org.madoguchi.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEventType;

/** One line of a case's audit trail: an event's code and parameters, who and when. */
@Entity
@Table(name = "case_events")
class AuditEntry {

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

  /** The event's parameters as JSON; null on lines written before events had them. */
  private String parameters;

  /** Text written by the application before events had parameters; not written any more. */
  private String detail;

  @Column(name = "dedupe_key")
  private String dedupeKey;

  protected AuditEntry() {}

  AuditEntry(long caseId, Instant occurredAt, Actor actor, CaseEventType type, String parameters, String dedupeKey) {
    this.caseId = caseId;
    this.occurredAt = occurredAt;
    this.actor = actor.stored();
    this.action = type.code();
    this.parameters = parameters;
    this.dedupeKey = dedupeKey;
  }

  Instant occurredAt() {
    return occurredAt;
  }

  String actor() {
    return actor;
  }

  String action() {
    return action;
  }

  String parameters() {
    return parameters;
  }

  String detail() {
    return detail;
  }
}
