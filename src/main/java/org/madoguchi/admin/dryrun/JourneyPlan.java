package org.madoguchi.admin.dryrun;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madoguchi.admin.dryrun.JourneyBook.MessageStep;

/**
 * One smoke journey with every value it needs: start variables, each job type's outputs, the user tasks'
 * values per visit, the messages per receive task, the clock moves per timer, and the end to reach.
 */
record JourneyPlan(
    String name,
    String process,
    String end,
    Map<String, Object> startVariables,
    Map<String, Map<String, Object>> outputs,
    Map<String, List<Map<String, Object>>> userTasks,
    Map<String, MessageStep> messages,
    Map<String, Duration> clock) {

  /** What staff enter at the {@code visit}-th (from 1) time the journey reaches this user task. */
  Optional<Map<String, Object>> userTaskValues(String elementId, int visit) {
    List<Map<String, Object>> visits = userTasks.getOrDefault(elementId, List.of());
    return visit <= visits.size() ? Optional.of(visits.get(visit - 1)) : Optional.empty();
  }
}
