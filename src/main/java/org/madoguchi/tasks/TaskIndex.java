package org.madoguchi.tasks;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the index from the listener jobs. Jobs arrive at least once: a task is opened and closed
 * once by its element instance key, and each event is published once.
 */
@Service
class TaskIndex {

  private static final Logger log = LoggerFactory.getLogger(TaskIndex.class);

  private final StaffTaskRepository tasks;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TaskIndex(StaffTaskRepository tasks, ApplicationEventPublisher events, Clock clock) {
    this.tasks = tasks;
    this.events = events;
    this.clock = clock;
  }

  /** Records the task as open; a repeated job finds it recorded and changes nothing. */
  @Transactional
  public void opened(OpenedTask task) {
    if (tasks.existsByElementInstanceKey(task.elementInstanceKey())) {
      return;
    }
    // Two copies of one job at once collide on the unique key; the loser fails and its retry finds the row.
    StaffTaskRecord saved = tasks.save(new StaffTaskRecord(task, clock.instant()));
    events.publishEvent(new StaffTaskOpened(saved.view()));
  }

  /** Records the task as closed; a repeated job (or a task never indexed) changes nothing. */
  @Transactional
  public void closed(long elementInstanceKey) {
    Optional<StaffTaskRecord> task = tasks.findForUpdate(elementInstanceKey);
    if (task.isEmpty()) {
      log.warn("Closing task {} that the index never saw open", elementInstanceKey);
      return;
    }
    close(task.get());
  }

  /** Closes every open task of the case (a cancelled instance ends its tasks without end listeners). */
  @Transactional
  public void closeAllOf(long caseId) {
    tasks.findByCaseIdAndClosedAtIsNullOrderByDueAtAscIdAsc(caseId).forEach(this::close);
  }

  private void close(StaffTaskRecord task) {
    if (task.close(clock.instant())) {
      events.publishEvent(new StaffTaskClosed(task.view()));
    }
  }
}
