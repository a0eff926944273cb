package org.madoguchi.tasks;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * One staff user task as the index knows it: opened when the task was created, closed when it was
 * completed (or its case was cancelled).
 *
 * @param elementInstanceKey the engine's key of the user task element; unique per task
 * @param name the task's name in the model (what Tasklist lists)
 * @param candidateGroup the staff group the task is offered to, e.g. {@code desk} or {@code unit-omics}
 * @param dueAt when the task is due (the same value Tasklist shows)
 * @param priority 0-100, higher first (the same value Tasklist shows)
 * @param closedAt null while the task is open
 */
@NamedInterface("api")
public record StaffTask(
    long elementInstanceKey,
    long processInstanceKey,
    long caseId,
    String processId,
    String elementId,
    String name,
    String candidateGroup,
    Instant dueAt,
    int priority,
    Instant openedAt,
    Instant closedAt) {

  public boolean isOpen() {
    return closedAt == null;
  }

  /** Open and past its due date. */
  public boolean isOverdue(Instant now) {
    return isOpen() && dueAt != null && dueAt.isBefore(now);
  }
}
