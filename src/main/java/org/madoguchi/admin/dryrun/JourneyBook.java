package org.madoguchi.admin.dryrun;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smoke journeys of a dry run, from {@code admin/dry-run-journeys.json}: the variables a submission
 * starts the process with, what each job type's worker answers (the outputs docs/processes.md names),
 * what staff enter in each user task (one entry per visit), which message the applicant sends at each
 * receive task and how far the clock moves at a timer. A journey overrides any of these and names the
 * end event it must reach.
 */
record JourneyBook(
    String process,
    Map<String, Object> startVariables,
    Map<String, Map<String, Object>> outputs,
    Map<String, List<Map<String, Object>>> userTasks,
    Map<String, MessageStep> messages,
    Map<String, String> clock,
    List<JourneySpec> journeys) {

  static final String RESOURCE = "admin/dry-run-journeys.json";

  /** What the applicant sends while the journey waits at a receive task; the key is that variable's value. */
  record MessageStep(String name, String correlationVariable, Map<String, Object> variables) {}

  record JourneySpec(
      String name,
      String end,
      Map<String, Object> startVariables,
      Map<String, Map<String, Object>> outputs,
      Map<String, List<Map<String, Object>>> userTasks,
      Map<String, MessageStep> messages,
      Map<String, String> clock) {}

  static JourneyBook load() {
    try (InputStream in = JourneyBook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in, JourneyBook.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Each journey with the book's defaults under its own values. */
  List<JourneyPlan> plans() {
    return journeys.stream()
        .map(j -> new JourneyPlan(
            j.name(),
            process,
            j.end(),
            merged(startVariables, j.startVariables()),
            merged(outputs, j.outputs()),
            merged(userTasks, j.userTasks()),
            merged(messages, j.messages()),
            durations(merged(clock, j.clock()))))
        .toList();
  }

  private static <V> Map<String, V> merged(Map<String, V> defaults, Map<String, V> own) {
    Map<String, V> merged = new LinkedHashMap<>(defaults == null ? Map.of() : defaults);
    if (own != null) {
      merged.putAll(own);
    }
    return merged;
  }

  private static Map<String, Duration> durations(Map<String, String> clock) {
    Map<String, Duration> durations = new LinkedHashMap<>();
    clock.forEach((element, duration) -> durations.put(element, Duration.parse(duration)));
    return durations;
  }
}
