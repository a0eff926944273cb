package org.madoguchi.admin.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.JobWorkers;

/**
 * The element templates administrators install in Desktop Modeler (element-templates/*.json) are valid element
 * templates, and applying one writes what the code expects: each job type in bpmn/ has exactly one template whose
 * inputs are what its worker fetches, and each kind of staff task (one per form) has one template that reproduces
 * the user task as the models configure it, with its task-list listeners. Each check is also run on a broken
 * template to show that it fails.
 */
class ElementTemplatesTest {

  private static final String SCHEMA_NAME = "@camunda/zeebe-element-templates-json-schema";

  /** The schema package, a devDependency of portal-web, which the build installs with npm ci. */
  private static final Path SCHEMA_PACKAGE = Path.of("portal-web/node_modules").resolve(SCHEMA_NAME);

  /**
   * Variables a listener reads from the process rather than from the task's inputs: research-support starts with
   * caseId and the called processes receive it with the parent's variables.
   */
  private static final Set<String> PROCESS_VARIABLES = Set.of("caseId");

  private static final List<String> MODELER_NOTES = List.of("$defs", "deprecated", "deprecationWarning", "eventDefinition", "example");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String schemaVersion;
  private static JsonSchema schema;
  private static List<ElementTemplate> templates;
  private static ModelledSteps models;
  private static Map<String, List<JobWorkers.Worker>> workers;

  @BeforeAll
  static void read() throws IOException {
    schemaVersion = JSON.readTree(Path.of("portal-web/package.json").toFile())
        .path("devDependencies").path(SCHEMA_NAME).asText();
    Path installed = SCHEMA_PACKAGE.resolve("package.json");
    assertThat(installed).as("the schema package: run npm ci in portal-web (the Maven build does)").exists();
    assertThat(JSON.readTree(installed.toFile()).path("version").asText())
        .as("installed %s version (run npm ci in portal-web)", SCHEMA_NAME).isEqualTo(schemaVersion);
    // Keywords Modeler's own validator reads (deprecation notes, examples) that draft-07 does not define.
    JsonMetaSchema draft7WithModelerNotes = JsonMetaSchema.builder(JsonMetaSchema.getV7())
        .addKeywords(MODELER_NOTES.stream().map(NonValidationKeyword::new).toList())
        .build();
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, factory -> factory.metaSchema(draft7WithModelerNotes))
        .getSchema(JSON.readTree(SCHEMA_PACKAGE.resolve("resources/schema.json").toFile()));
    templates = ElementTemplate.readAll();
    models = ModelledSteps.read();
    workers = JobWorkers.scan().stream().collect(Collectors.groupingBy(JobWorkers.Worker::jobType));
  }

  @Test
  void thereAreTemplatesModelsAndWorkersToCompare() {
    assertThat(templates).as("element-templates/*.json").isNotEmpty();
    assertThat(models.jobs()).as("job types in bpmn/").isNotEmpty();
    assertThat(models.staffTasks()).as("user tasks in bpmn/").isNotEmpty();
    assertThat(workers).as("@JobWorker methods").isNotEmpty();
  }

  @Test
  void everyTemplateIsValidAgainstTheElementTemplatesSchema() {
    assertThat(templates.stream().flatMap(t -> schemaProblems(t).stream()).toList())
        .as("element templates the schema (%s %s) refuses", SCHEMA_NAME, schemaVersion).isEmpty();
  }

  @Test
  void everyTemplateNamesTheSchemaVersionItIsCheckedAgainst() {
    // Modeler reads the version from $schema and refuses a template newer than the schema it bundles.
    String expected = "https://unpkg.com/" + SCHEMA_NAME + "@" + schemaVersion + "/resources/schema.json";
    assertThat(templates.stream().filter(t -> !expected.equals(t.json().path("$schema").asText())).toList())
        .as("templates whose $schema is not %s", expected).isEmpty();
  }

  @Test
  void templateIdsAreUnique() {
    Map<String, Long> ids = templates.stream().collect(Collectors.groupingBy(ElementTemplate::id, TreeMap::new, Collectors.counting()));
    assertThat(ids).as("template ids (Modeler refuses a second template with the same id and version)").allSatisfy((id, count) ->
        assertThat(count).as(id).isEqualTo(1));
  }

  @Test
  void everyModelledJobTypeHasExactlyOneTemplate() {
    assertThat(jobTypeProblems(templates)).isEmpty();
  }

  @Test
  void everyJobTemplatesInputsAreWhatItsWorkerFetches() {
    assertThat(inputProblems(templates)).isEmpty();
  }

  @Test
  void everyStaffTaskKindHasOneTemplateThatReproducesIt() {
    assertThat(staffTaskProblems(templates)).isEmpty();
  }

  @Test
  void theTaskListListenersComeWithTheStaffTaskTemplates() {
    assertThat(listenerProblems(templates)).isEmpty();
  }

  @Test
  void aTemplateTheSchemaRefusesIsReported() {
    ElementTemplate consultation = template("user-task.consultation.json");
    ElementTemplate wrongEvent = consultation.edited(json -> listenerProperties(json).forEach(p ->
        ((ObjectNode) p.path("binding")).put("eventType", "begin")));
    ElementTemplate noBinding = template("case.register.json").edited(json ->
        ((ObjectNode) json.path("properties").get(2)).remove("binding"));
    assertThat(schemaProblems(wrongEvent)).as("a listener on event 'begin'").isNotEmpty();
    assertThat(schemaProblems(noBinding)).as("a property without a binding").isNotEmpty();
  }

  @Test
  void aTemplateWithAWrongJobTypeIsReported() {
    List<ElementTemplate> misspelt = replaced("case.register.json", t -> t.edited(json ->
        jobTypeProperty(json).put("value", "case.registr")));
    assertThat(jobTypeProblems(misspelt))
        .anySatisfy(problem -> assertThat(problem).contains("'case.register'").contains("0 templates"))
        .anySatisfy(problem -> assertThat(problem).contains("'case.registr'").contains("no model uses"));
    assertThat(inputProblems(misspelt)).anySatisfy(problem -> assertThat(problem).contains("'case.registr'"));
  }

  @Test
  void aTemplateThatDropsAWorkerInputIsReported() {
    List<ElementTemplate> dropped = replaced("fees.assess.json", t ->
        t.without(p -> "feeRules".equals(p.path("binding").path("name").asText())));
    assertThat(inputProblems(dropped)).anySatisfy(problem -> assertThat(problem).contains("fees.assess").contains("feeRules"));
  }

  @Test
  void aStaffTaskTemplateThatDiffersFromItsModelIsReported() {
    List<ElementTemplate> changed = replaced("user-task.reschedule.json", t -> t
        .without(ElementTemplate.bound("zeebe:executionListener"))
        .edited(json -> inputProperty(json, "taskGroup").put("value", "=\"desk\"")));
    assertThat(staffTaskProblems(changed)).anySatisfy(problem -> assertThat(problem).contains("taskGroup"));
    assertThat(listenerProblems(changed)).anySatisfy(problem -> assertThat(problem).contains("task.open"));
  }

  private static List<String> schemaProblems(ElementTemplate template) {
    return schema.validate(template.json()).stream().map(message -> template + ": " + message.getMessage()).toList();
  }

  /** Each job type of a task in bpmn/ has exactly one template, of the same element type, with the type hidden. */
  private static List<String> jobTypeProblems(List<ElementTemplate> templates) {
    List<String> problems = new ArrayList<>();
    Map<String, List<ModelledSteps.Job>> modelled =
        models.jobs().stream().collect(Collectors.groupingBy(ModelledSteps.Job::jobType, TreeMap::new, Collectors.toList()));
    modelled.forEach((jobType, uses) -> {
      List<ElementTemplate> matching = templates.stream().filter(t -> t.jobType().filter(jobType::equals).isPresent()).toList();
      if (matching.size() != 1) {
        problems.add("job type '%s' (%s) has %d templates %s".formatted(jobType, wheres(uses), matching.size(), matching));
        return;
      }
      ElementTemplate template = matching.getFirst();
      if (!template.jobTypeHidden()) {
        problems.add("%s: job type '%s' is not a Hidden property (administrators must not change it)".formatted(template, jobType));
      }
      uses.stream().filter(use -> !use.elementType().equals(template.elementType())).forEach(use -> problems.add(
          "%s makes a %s, but %s is a %s".formatted(template, template.elementType(), use.where(), use.elementType())));
    });
    templates.stream().filter(t -> t.jobType().isPresent() && !modelled.containsKey(t.jobType().get())).forEach(t ->
        problems.add("%s: job type '%s' that no model uses as a task".formatted(t, t.jobType().get())));
    return problems;
  }

  /**
   * A job template maps exactly the variables its worker fetches, each from the process variable of the same name
   * (so applying it changes nothing the worker sees until an administrator edits a source).
   */
  private static List<String> inputProblems(List<ElementTemplate> templates) {
    List<String> problems = new ArrayList<>();
    for (ElementTemplate template : templates) {
      if (template.jobType().isEmpty()) {
        continue;
      }
      String jobType = template.jobType().get();
      List<JobWorkers.Worker> handling = workers.getOrDefault(jobType, List.of());
      if (handling.size() != 1) {
        problems.add("%s: job type '%s' has %d @JobWorker methods".formatted(template, jobType, handling.size()));
        continue;
      }
      Set<String> fetched = new TreeSet<>(handling.getFirst().fetchVariables());
      Set<String> mapped = new TreeSet<>(template.inputs().keySet());
      if (!mapped.equals(fetched)) {
        problems.add("%s: inputs %s, but the %s worker fetches %s".formatted(template, mapped, jobType, fetched));
      }
      template.inputs().forEach((name, source) -> {
        if (!source.equals("=" + name)) {
          problems.add("%s: input %s defaults to %s, not =%s".formatted(template, name, source, name));
        }
      });
    }
    return problems;
  }

  /**
   * Each kind of staff task (its form) has one template that, applied, gives the user task the model has: a Camunda
   * user task with that form, the same candidate groups, due date and priority, the same input mappings (plus
   * identity mappings only) and output mappings, and the same listeners.
   */
  private static List<String> staffTaskProblems(List<ElementTemplate> templates) {
    List<String> problems = new ArrayList<>();
    Set<String> modelledForms = new HashSet<>();
    for (ModelledSteps.StaffTask task : models.staffTasks()) {
      modelledForms.add(task.formId());
      List<ElementTemplate> matching = templates.stream().filter(t -> t.formId().filter(task.formId()::equals).isPresent()).toList();
      if (matching.size() != 1) {
        problems.add("form '%s' (%s) has %d templates %s".formatted(task.formId(), task.where(), matching.size(), matching));
        continue;
      }
      ElementTemplate template = matching.getFirst();
      if (!template.camundaUserTask() || !"bpmn:UserTask".equals(template.elementType())) {
        problems.add("%s does not make a Camunda user task (zeebe:userTask, elementType bpmn:UserTask)".formatted(template));
      }
      compare(problems, template, task, "candidate groups", task.candidateGroups(),
          template.value("zeebe:assignmentDefinition", "candidateGroups").orElse(null));
      compare(problems, template, task, "due date", task.dueDate(), template.value("zeebe:taskSchedule", "dueDate").orElse(null));
      compare(problems, template, task, "priority", task.priority(), template.value("zeebe:priorityDefinition", "priority").orElse(null));
      task.inputs().forEach((name, source) ->
          compare(problems, template, task, "input " + name, source, template.inputs().get(name)));
      template.inputs().forEach((name, source) -> {
        if (!task.inputs().containsKey(name) && !source.equals("=" + name)) {
          problems.add("%s: input %s = %s, which %s does not have".formatted(template, name, source, task.where()));
        }
      });
      compare(problems, template, task, "outputs", task.outputs(), template.outputs());
      compare(problems, template, task, "listeners", task.listeners(), template.listeners());
    }
    templates.stream().filter(t -> t.formId().isPresent() && !modelledForms.contains(t.formId().get())).forEach(t ->
        problems.add("%s: form '%s' that no user task in bpmn/ uses".formatted(t, t.formId().get())));
    return problems;
  }

  /**
   * Listener job types have no template of their own (an element takes one template, and these listeners belong on
   * every staff task): the staff task templates carry them, with the inputs their workers fetch.
   */
  private static List<String> listenerProblems(List<ElementTemplate> templates) {
    List<String> problems = new ArrayList<>();
    List<ElementTemplate> staffTemplates = templates.stream().filter(t -> t.formId().isPresent()).toList();
    for (ModelledSteps.Listener listener : models.listeners()) {
      for (ElementTemplate template : staffTemplates) {
        if (!listener.jobType().equals(template.listeners().get(listener.eventType()))) {
          problems.add("%s lacks the %s listener %s (as on %s)".formatted(template, listener.eventType(), listener.jobType(), listener.where()));
          continue;
        }
        for (JobWorkers.Worker worker : workers.getOrDefault(listener.jobType(), List.of())) {
          worker.fetchVariables().stream()
              .filter(name -> !PROCESS_VARIABLES.contains(name) && !template.inputs().containsKey(name))
              .forEach(name -> problems.add("%s: no input %s, which the %s listener reads".formatted(template, name, listener.jobType())));
        }
      }
    }
    return problems.stream().distinct().toList();
  }

  private static void compare(
      List<String> problems, ElementTemplate template, ModelledSteps.StaffTask task, String what, Object modelled, Object templated) {
    if (!Objects.equals(modelled, templated)) {
      problems.add("%s: %s %s, but %s has %s".formatted(template, what, templated, task.where(), modelled));
    }
  }

  private static String wheres(List<ModelledSteps.Job> uses) {
    return uses.stream().map(ModelledSteps.Job::where).collect(Collectors.joining(", "));
  }

  private static ElementTemplate template(String file) {
    return templates.stream().filter(t -> t.file().equals(file)).findFirst().orElseThrow(() -> new AssertionError("no " + file));
  }

  /** All templates, with the one in {@code file} as {@code change} leaves it. */
  private static List<ElementTemplate> replaced(String file, Function<ElementTemplate, ElementTemplate> change) {
    template(file); // fails when there is no such file, so the broken variant is never a no-op
    return templates.stream().map(t -> t.file().equals(file) ? change.apply(t) : t).toList();
  }

  private static ObjectNode jobTypeProperty(JsonNode json) {
    return (ObjectNode) propertiesWhere(json, ElementTemplate.bound("zeebe:taskDefinition")
        .and(p -> "type".equals(p.path("binding").path("property").asText()))).getFirst();
  }

  private static ObjectNode inputProperty(JsonNode json, String name) {
    return (ObjectNode) propertiesWhere(json, ElementTemplate.bound("zeebe:input")
        .and(p -> name.equals(p.path("binding").path("name").asText()))).getFirst();
  }

  private static List<JsonNode> listenerProperties(JsonNode json) {
    return propertiesWhere(json, ElementTemplate.bound("zeebe:executionListener"));
  }

  private static List<JsonNode> propertiesWhere(JsonNode json, Predicate<JsonNode> test) {
    List<JsonNode> found = new ArrayList<>();
    json.path("properties").forEach(p -> {
      if (test.test(p)) {
        found.add(p);
      }
    });
    return found;
  }
}
