package org.madoguchi.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A row of {@code staff_tasks}. */
@Entity
@Table(name = "staff_tasks")
class StaffTaskRecord {

  static final int MAX_ID_LENGTH = 100;
  static final int MAX_NAME_LENGTH = 255;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "element_instance_key", nullable = false, unique = true)
  private long elementInstanceKey;

  @Column(name = "process_instance_key", nullable = false)
  private long processInstanceKey;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "process_id", nullable = false, length = MAX_ID_LENGTH)
  private String processId;

  @Column(name = "element_id", nullable = false, length = MAX_ID_LENGTH)
  private String elementId;

  @Column(nullable = false, length = MAX_NAME_LENGTH)
  private String name;

  @Column(name = "candidate_group", nullable = false, length = MAX_ID_LENGTH)
  private String candidateGroup;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(nullable = false)
  private int priority;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected StaffTaskRecord() {}

  StaffTaskRecord(OpenedTask task, Instant openedAt) {
    this.elementInstanceKey = task.elementInstanceKey();
    this.processInstanceKey = task.processInstanceKey();
    this.caseId = task.caseId();
    this.processId = task.processId();
    this.elementId = task.elementId();
    this.name = task.name();
    this.candidateGroup = task.candidateGroup();
    this.dueAt = stored(task.dueAt());
    this.priority = task.priority();
    this.openedAt = stored(openedAt);
  }

  /** Closes the task; false if it was closed already. */
  boolean close(Instant at) {
    if (closedAt != null) {
      return false;
    }
    closedAt = stored(at);
    return true;
  }

  /** As the TIMESTAMP(6) column keeps it, so the published events equal what is read back later. */
  private static Instant stored(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  StaffTask view() {
    return new StaffTask(
        elementInstanceKey, processInstanceKey, caseId, processId, elementId, name, candidateGroup, dueAt, priority,
        openedAt, closedAt);
  }
}
