package org.madoguchi.admin.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.JobWorkers;
import org.madoguchi.admin.ModelFile;

/** The dry run's journey file against the models, the workers and the process contract. */
class JourneyBookTest {

  private final JourneyBook book = JourneyBook.load();
  private final List<JourneyPlan> plans = book.plans();

  @Test
  void theSmokeJourneysAreThere() {
    assertThat(plans).extracting(JourneyPlan::name)
        .containsExactly("accept-and-complete", "no-charge", "request-information", "decline", "unit-returns-to-desk");
    assertThat(plans).allSatisfy(plan -> {
      assertThat(plan.process()).isEqualTo("research-support");
      assertThat(models()).contains("id=\"" + plan.end() + "\"");
    });
  }

  @Test
  void everyJobTypeWithAWorkerHasItsAnswerAndNoOtherIsAnswered() {
    Set<String> jobTypes = JobWorkers.scan().stream().map(JobWorkers.Worker::jobType).collect(Collectors.toSet());

    assertThat(book.outputs().keySet()).containsExactlyInAnyOrderElementsOf(jobTypes);
    assertThat(book.journeys()).allSatisfy(journey -> {
      if (journey.outputs() != null) {
        assertThat(jobTypes).containsAll(journey.outputs().keySet());
      }
    });
  }

  @Test
  void theUserTasksMessagesAndTimersNamedAreTheModelsOwn() {
    String models = models();
    for (JourneyPlan plan : plans) {
      assertThat(plan.userTasks().keySet()).allSatisfy(id -> assertThat(models).contains("<bpmn:userTask id=\"" + id + "\""));
      plan.messages().forEach((id, step) -> {
        assertThat(models).contains("<bpmn:receiveTask id=\"" + id + "\"");
        assertThat(models).contains("name=\"" + step.name() + "\"");
      });
      plan.clock().forEach((id, move) -> assertThat(move).isGreaterThan(timerDuration(models, id)));
    }
  }

  @Test
  void theAcceptedJourneyIsChargedForAReagent() {
    JourneyPlan accept = plans.getFirst();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) accept.outputs().get("fees.prepare").get("feeItems");

    assertThat(items).anySatisfy(item -> {
      assertThat(item).containsEntry("itemKind", "reagent");
      assertThat(((Number) item.get("unitCostYen")).longValue()).isPositive();
    });
    assertThat(((Number) accept.outputs().get("fees.assess").get("feeTotal")).longValue()).isPositive();
    assertThat(plans.get(1).outputs().get("fees.assess")).containsEntry("feeTotal", 0);
  }

  @Test
  void aUserTaskIsCompletedOncePerVisitAndNoMore() {
    JourneyPlan returned = plans.getLast();

    assertThat(returned.userTaskValues("Consultation", 1)).get().extracting(v -> v.get("consultationOutcome")).isEqualTo("accept");
    assertThat(returned.userTaskValues("Consultation", 2)).get().extracting(v -> v.get("consultationOutcome")).isEqualTo("decline");
    assertThat(returned.userTaskValues("Consultation", 3)).isEmpty();
  }

  @Test
  void anUploadedFileReplacesTheDeployedOneAndOnlyEngineResourcesAreDeployed() {
    byte[] deployed = "deployed".getBytes(StandardCharsets.UTF_8);
    byte[] uploaded = "uploaded".getBytes(StandardCharsets.UTF_8);

    Map<String, byte[]> resources = EngineDryRuns.resources(
        List.of(new ModelFile("research-support.bpmn", uploaded)),
        List.of(new ModelFile("research-support.bpmn", deployed), new ModelFile("fee-schedule.dmn", deployed),
            new ModelFile("consultation.form", deployed), new ModelFile("info-reply.ja.json", deployed)));

    assertThat(resources.keySet()).containsExactly("research-support.bpmn", "fee-schedule.dmn", "consultation.form");
    assertThat(resources.get("research-support.bpmn")).isEqualTo(uploaded);
  }

  /**
   * Each job type's answer names only outputs the process contract gives that job type. The contract
   * file is written by the validation; until it is on the classpath there is nothing to compare.
   */
  @Test
  void theAnswersNameOnlyTheOutputsOfTheProcessContract() throws IOException {
    Map<String, Set<String>> contract = contractOutputs();
    assumeThat(contract).as("admin/process-contract.json with job types and their outputs").isNotEmpty();
    for (JourneyPlan plan : plans) {
      plan.outputs().forEach((jobType, outputs) -> {
        assertThat(contract).as("job type " + jobType + " in the contract").containsKey(jobType);
        assertThat(contract.get(jobType)).as("outputs of " + jobType).containsAll(outputs.keySet());
      });
    }
  }

  /**
   * The outputs per job type in the contract, read from any object that names a job type
   * ({@code jobType} or {@code type}) beside a list of {@code outputs} (names, or objects with a name).
   */
  private static Map<String, Set<String>> contractOutputs() throws IOException {
    Map<String, Set<String>> outputs = new HashMap<>();
    try (InputStream in = JourneyBookTest.class.getClassLoader().getResourceAsStream("admin/process-contract.json")) {
      if (in != null) {
        collect(new ObjectMapper().readTree(in), null, outputs);
      }
    }
    return outputs;
  }

  private static void collect(JsonNode node, String key, Map<String, Set<String>> outputs) {
    if (node.isObject()) {
      String jobType = node.hasNonNull("jobType") ? node.get("jobType").asText() : node.hasNonNull("type") ? node.get("type").asText() : null;
      if (jobType == null && key != null && key.contains(".")) {
        jobType = key; // { "fees.assess": { "outputs": [...] } }
      }
      if (jobType != null && node.has("outputs") && node.get("outputs").isArray()) {
        Set<String> names = outputs.computeIfAbsent(jobType, t -> new HashSet<>());
        node.get("outputs").forEach(o -> names.add(o.isObject() ? o.path("name").asText() : o.asText()));
      }
      node.fields().forEachRemaining(field -> collect(field.getValue(), field.getKey(), outputs));
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, null, outputs));
    }
  }

  private static Duration timerDuration(String models, String elementId) {
    Matcher timer = Pattern.compile("id=\"" + elementId + "\".*?<bpmn:timeDuration[^>]*>([^<]+)<", Pattern.DOTALL).matcher(models);
    assertThat(timer.find()).as("a timer duration at " + elementId).isTrue();
    return Duration.parse(timer.group(1).strip());
  }

  private static String models() {
    try {
      StringBuilder all = new StringBuilder();
      for (String name : List.of("research-support.bpmn", "unit-support.bpmn", "data-deposit.bpmn")) {
        all.append(Files.readString(Path.of("bpmn", name)));
      }
      return all.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
