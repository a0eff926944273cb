package org.madoguchi.tasks;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** What the {@code task.open} listener job tells about a user task being created. */
record OpenedTask(
    long elementInstanceKey,
    long processInstanceKey,
    long caseId,
    String processId,
    String elementId,
    String name,
    String candidateGroup,
    Instant dueAt,
    int priority) {

  OpenedTask {
    requireShort("processId", processId, StaffTaskRecord.MAX_ID_LENGTH);
    requireShort("elementId", elementId, StaffTaskRecord.MAX_ID_LENGTH);
    requireShort("name", name, StaffTaskRecord.MAX_NAME_LENGTH);
    requireShort("taskGroup", candidateGroup, StaffTaskRecord.MAX_ID_LENGTH);
  }

  /**
   * The task's due date as the model computed it into {@code taskDue}: a FEEL date and time, an ISO
   * date-time with an offset and possibly a zone ({@code 2026-12-01T09:00+09:00[Asia/Tokyo]}).
   */
  static Instant parseDue(String taskDue) {
    if (taskDue == null || taskDue.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(taskDue).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("taskDue is not an ISO date-time with offset: " + taskDue, e);
    }
  }

  private static void requireShort(String what, String value, int limit) {
    if (value == null || value.isBlank() || value.length() > limit) {
      throw new IllegalArgumentException(what + " must be 1-" + limit + " characters: " + value);
    }
  }
}
