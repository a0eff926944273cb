package org.madoguchi.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the index of staff tasks: what is open, for whom, and what is late. */
@NamedInterface("api")
@Service
public class StaffTasks {

  private final StaffTaskRepository tasks;

  StaffTasks(StaffTaskRepository tasks) {
    this.tasks = tasks;
  }

  /** The case's open tasks, earliest due first. */
  @Transactional(readOnly = true)
  public List<StaffTask> openForCase(long caseId) {
    return views(tasks.findByCaseIdAndClosedAtIsNullOrderByDueAtAscIdAsc(caseId));
  }

  /** Every task the case has had, open or closed, in the order they opened. */
  @Transactional(readOnly = true)
  public List<StaffTask> historyForCase(long caseId) {
    return views(tasks.findByCaseIdOrderByOpenedAtAscIdAsc(caseId));
  }

  /** Per case, the open task due first; cases without open tasks are absent. */
  @Transactional(readOnly = true)
  public Map<Long, StaffTask> nextDueByCase(Collection<Long> caseIds) {
    Map<Long, StaffTask> next = new LinkedHashMap<>();
    if (caseIds.isEmpty()) {
      return next;
    }
    // Sorted by due date (MariaDB puts tasks without one first): keep the first dated one, else the undated.
    for (StaffTaskRecord record : tasks.findByCaseIdInAndClosedAtIsNullOrderByDueAtAscIdAsc(caseIds)) {
      StaffTask task = record.view();
      StaffTask known = next.get(task.caseId());
      if (known == null || (known.dueAt() == null && task.dueAt() != null)) {
        next.put(task.caseId(), task);
      }
    }
    return next;
  }

  /** Open tasks offered to any of these groups, earliest due first. */
  @Transactional(readOnly = true)
  public List<StaffTask> openForGroups(Collection<String> groups) {
    return groups.isEmpty() ? List.of() : views(tasks.findByCandidateGroupInAndClosedAtIsNullOrderByDueAtAscIdAsc(groups));
  }

  /** Open tasks past their due date at {@code now}, most overdue first. */
  @Transactional(readOnly = true)
  public List<StaffTask> overdue(Instant now) {
    return views(tasks.findByClosedAtIsNullAndDueAtBeforeOrderByDueAtAscIdAsc(now));
  }

  private static List<StaffTask> views(List<StaffTaskRecord> records) {
    return records.stream().map(StaffTaskRecord::view).toList();
  }
}
