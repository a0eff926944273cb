package org.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.madoguchi.admin.JobWorkers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ties the models to the code: every job type in bpmn/*.bpmn (of a task or an execution listener) has
 * exactly one {@code @JobWorker} in the application, and every worker serves a model. A mismatch otherwise shows only at run time, as an
 * incident-free job that no one ever activates, or a worker polling for nothing.
 */
class ModelsAndWorkersTest {

  private static final Path MODELS = Path.of("bpmn");

  /** {@code <area>.<verb>}: lowercase area, one dot, kebab-case verb ({@code fees.send-statement}). */
  private static final Pattern CONVENTION = Pattern.compile("[a-z]+\\.[a-z]+(-[a-z]+)*");

  /** Job type -> where the models use it ({@code research-support.bpmn serviceTask 'RegisterCase'}). */
  private static Map<String, List<String>> modelled;

  /** Job type -> the worker methods that handle it ({@code org.madoguchi.cases.RegisterCaseWorker#register}). */
  private static Map<String, List<String>> handled;

  /** Workers whose type the SDK derives from the method name. */
  private static List<String> implicitTypes;

  @BeforeAll
  static void readModelsAndWorkers() throws IOException {
    modelled = new TreeMap<>();
    handled = new TreeMap<>();
    implicitTypes = new ArrayList<>();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        readModel(file);
      }
    }
    scanWorkers();
  }

  @Test
  void thereAreModelsAndWorkersToCompare() {
    assertThat(modelled).as("job types in %s/*.bpmn (run from the project root)", MODELS.toAbsolutePath()).isNotEmpty();
    assertThat(handled).as("@JobWorker methods in the application's classes").isNotEmpty();
  }

  @Test
  void everyModelledJobTypeHasExactlyOneWorker() {
    List<String> problems = new ArrayList<>();
    modelled.forEach((type, uses) -> {
      List<String> workers = handled.getOrDefault(type, List.of());
      if (workers.size() != 1) {
        problems.add("job type '%s' (%s) has %d @JobWorker methods%s"
            .formatted(type, String.join(", ", uses), workers.size(), workers.isEmpty() ? "" : ": " + workers));
      }
    });
    assertThat(problems).as("modelled job types without exactly one worker").isEmpty();
  }

  @Test
  void everyWorkerServesAModel() {
    List<String> problems = new ArrayList<>();
    handled.forEach((type, workers) -> {
      if (!modelled.containsKey(type)) {
        problems.add("job type '%s' (%s) occurs in no bpmn/*.bpmn".formatted(type, String.join(", ", workers)));
      }
    });
    assertThat(problems).as("workers whose job type no model uses").isEmpty();
  }

  @Test
  void everyWorkerNamesItsTypeExplicitly() {
    assertThat(implicitTypes).as("@JobWorker without type: set type = \"<area>.<verb>\" explicitly").isEmpty();
  }

  @Test
  void jobTypesFollowTheAreaVerbConvention() {
    Set<String> all = new TreeSet<>(modelled.keySet());
    all.addAll(handled.keySet());
    List<String> problems = all.stream()
        .filter(type -> !CONVENTION.matcher(type).matches())
        .map(type -> "job type '%s' (%s)".formatted(type, String.join(", ", whereUsed(type))))
        .toList();
    assertThat(problems).as("job types not of the form <area>.<verb> (lowercase, one dot, kebab-case verb)").isEmpty();
  }

  private static void readModel(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    // Any element with a task definition creates jobs (service, send, script and business rule tasks,
    // message throw events); a business rule task calling a DMN decision has none and needs no worker.
    for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
      ModelElementInstance element = definition.getParentElement().getParentElement();
      String use = "%s %s '%s'".formatted(
          file.getFileName(), element.getElementType().getTypeName(), element.getAttributeValue("id"));
      modelled.computeIfAbsent(definition.getType(), t -> new ArrayList<>()).add(use);
    }
    // Execution listeners create jobs too, one per start or end of their element.
    for (ZeebeExecutionListener listener : model.getModelElementsByType(ZeebeExecutionListener.class)) {
      ModelElementInstance element = listener.getParentElement().getParentElement().getParentElement();
      String use = "%s %s listener of %s '%s'".formatted(
          file.getFileName(), listener.getEventType(), element.getElementType().getTypeName(), element.getAttributeValue("id"));
      modelled.computeIfAbsent(listener.getType(), t -> new ArrayList<>()).add(use);
    }
  }

  private static void scanWorkers() {
    for (JobWorkers.Worker worker : JobWorkers.scan()) {
      if (!worker.typeNamed()) {
        // The Camunda SDK falls back to the method name; the fallback still has to match a model.
        implicitTypes.add("%s has no type, so the SDK uses the method name '%s'".formatted(worker.where(), worker.jobType()));
      }
      handled.computeIfAbsent(worker.jobType(), t -> new ArrayList<>()).add(worker.where());
    }
  }

  private static List<String> whereUsed(String type) {
    List<String> uses = new ArrayList<>(modelled.getOrDefault(type, List.of()));
    uses.addAll(handled.getOrDefault(type, List.of()));
    return uses;
  }
}
