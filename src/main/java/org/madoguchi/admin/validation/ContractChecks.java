package org.madoguchi.admin.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAdHoc;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.admin.JobWorkers;

/**
 * Madoguchi's contract on a whole model set (the upload over what is deployed): every job type has
 * exactly one worker; every user task is a Camunda user task with a form of the set and a candidate
 * group that exists; every form's id is its file name and the applicant forms the portal renders have
 * their Japanese and English texts; the messages Madoguchi publishes are awaited with the same correlation
 * key and nothing waits for one it does not publish; and every variable a worker fetches is provided
 * somewhere in the set.
 */
final class ContractChecks {

  /** {@code "unit-" + unitCode}: a unit's coordinators or operators, whichever unit the instance is for. */
  private static final Pattern UNIT_GROUP = Pattern.compile("\"(unit|operators)-\"\\s*\\+\\s*[A-Za-z_][A-Za-z0-9_.]*");
  private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> TEXTS = List.of("label", "description", "text", "dateLabel", "timeLabel", "placeholder");
  private static final List<String> LANGUAGES = List.of("ja", "en");

  private final ProcessContract contract;
  private final Map<String, List<JobWorkers.Worker>> workers = new HashMap<>();
  private final Predicate<String> unitExists;

  /** A job an element creates: a task's job or a listener's. */
  private record Job(String file, String elementId, String type) {}

  /** An element waiting for a message. */
  private record Catch(String file, String elementId, String message, String correlationKey) {}

  ContractChecks(ProcessContract contract, List<JobWorkers.Worker> workers, Predicate<String> unitExists) {
    this.contract = contract;
    workers.forEach(w -> this.workers.computeIfAbsent(w.jobType(), t -> new ArrayList<>()).add(w));
    this.unitExists = unitExists;
  }

  void check(ParsedModels set, Problems problems) {
    Map<String, String> processFiles = new HashMap<>();
    set.bpmn.forEach((file, model) -> model.getModelElementsByType(Process.class).forEach(p -> processFiles.put(p.getId(), file)));
    Set<String> decisions = new HashSet<>();
    set.decisions.values().forEach(decisions::addAll);
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    set.forms.forEach((file, form) -> forms.put(ParsedModels.formName(file), form));

    contract.processes().keySet().stream().filter(id -> !processFiles.containsKey(id))
        .forEach(id -> problems.add(id + ".bpmn", id, "process-missing", id));

    List<Job> jobs = new ArrayList<>();
    List<Catch> catches = new ArrayList<>();
    Set<String> provided = new HashSet<>();
    Set<String> linkedForms = new HashSet<>();
    set.bpmn.forEach((file, model) -> {
      jobs.addAll(jobs(file, model));
      catches.addAll(catches(file, model));
      provided.addAll(mappedVariables(model));
      userTasks(file, model, forms, linkedForms, problems);
      references(file, model, processFiles.keySet(), decisions, problems);
    });
    jobs.forEach(job -> workersOf(job, problems));
    messages(catches, processFiles, problems);
    forms(set, forms, problems);

    processFiles.keySet().stream().map(contract.processes()::get).filter(p -> p != null)
        .forEach(p -> provided.addAll(p.startVariables()));
    Map<String, ProcessContract.JobType> jobTypes = contract.allJobTypes();
    jobs.stream().map(Job::type).distinct().map(jobTypes::get).filter(t -> t != null).forEach(t -> provided.addAll(t.outputs()));
    catches.stream().map(Catch::message).distinct().map(contract.messages()::get).filter(m -> m != null)
        .forEach(m -> provided.addAll(m.variables()));
    linkedForms.stream().map(forms::get).filter(f -> f != null)
        .forEach(f -> provided.addAll(FormComponents.of(f).submittedVariables()));
    for (Job job : jobs) {
      List<JobWorkers.Worker> handlers = workers.getOrDefault(job.type(), List.of());
      if (handlers.size() == 1) {
        handlers.getFirst().fetchVariables().stream().filter(v -> !provided.contains(v)).forEach(variable ->
            problems.add(job.file(), job.elementId(), "variable-not-provided", variable, job.type()));
      }
    }
  }

  private static List<Job> jobs(String file, BpmnModelInstance model) {
    List<Job> jobs = new ArrayList<>();
    model.getModelElementsByType(ZeebeTaskDefinition.class)
        .forEach(d -> jobs.add(new Job(file, EngineFeatures.ownerId(d), d.getType())));
    model.getModelElementsByType(ZeebeExecutionListener.class)
        .forEach(l -> jobs.add(new Job(file, EngineFeatures.ownerId(l), l.getType())));
    model.getModelElementsByType(ZeebeTaskListener.class)
        .forEach(l -> jobs.add(new Job(file, EngineFeatures.ownerId(l), l.getType())));
    return jobs;
  }

  private void workersOf(Job job, Problems problems) {
    if (job.type() == null || job.type().startsWith("=")) {
      problems.add(job.file(), job.elementId(), "job-type-expression", String.valueOf(job.type()));
      return;
    }
    List<JobWorkers.Worker> handlers = workers.getOrDefault(job.type(), List.of());
    if (handlers.isEmpty()) {
      problems.add(job.file(), job.elementId(), "job-type-no-worker", job.type());
    } else if (handlers.size() > 1) {
      problems.add(job.file(), job.elementId(), "job-type-many-workers", job.type(),
          String.join(", ", handlers.stream().map(JobWorkers.Worker::where).toList()));
    }
  }

  private static List<Catch> catches(String file, BpmnModelInstance model) {
    List<Catch> catches = new ArrayList<>();
    Function<Message, String> key = message -> {
      ZeebeSubscription subscription = extension(message, ZeebeSubscription.class);
      return subscription == null ? null : subscription.getCorrelationKey();
    };
    for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
      if (task.getMessage() != null) {
        catches.add(new Catch(file, task.getId(), task.getMessage().getName(), key.apply(task.getMessage())));
      }
    }
    for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
      ModelElementInstance event = definition.getParentElement();
      // A message start event of a process starts it: it has no instance to correlate to.
      boolean processStart = event instanceof StartEvent && event.getParentElement() instanceof Process;
      if (event instanceof CatchEvent catchEvent && definition.getMessage() != null && !processStart) {
        catches.add(new Catch(file, catchEvent.getId(), definition.getMessage().getName(), key.apply(definition.getMessage())));
      }
    }
    return catches;
  }

  private void messages(List<Catch> catches, Map<String, String> processFiles, Problems problems) {
    Set<String> awaited = new HashSet<>();
    for (Catch c : catches) {
      ProcessContract.Message published = contract.messages().get(c.message());
      if (published == null) {
        problems.add(c.file(), c.elementId(), "message-unknown", c.message());
        continue;
      }
      awaited.add(c.message());
      if (!normalized(published.correlationKey()).equals(normalized(c.correlationKey()))) {
        problems.add(c.file(), c.elementId(), "message-key-changed", c.message(), String.valueOf(c.correlationKey()),
            published.correlationKey());
      }
    }
    contract.messages().forEach((name, message) -> {
      if (!awaited.contains(name)) {
        String process = message.awaitedIn();
        problems.add(processFiles.getOrDefault(process, process + ".bpmn"), process, "message-not-awaited", name,
            message.correlationKey());
      }
    });
  }

  private static String normalized(String expression) {
    return expression == null ? "" : expression.replaceAll("\\s+", "");
  }

  /** Variables the model itself sets: mapping targets, multi-instance elements and collections, results. */
  private static Set<String> mappedVariables(BpmnModelInstance model) {
    Set<String> variables = new HashSet<>();
    Function<String, String> root = name -> name == null ? null : name.split("\\.")[0].strip();
    model.getModelElementsByType(ZeebeInput.class).forEach(i -> variables.add(root.apply(i.getTarget())));
    model.getModelElementsByType(ZeebeOutput.class).forEach(o -> variables.add(root.apply(o.getTarget())));
    model.getModelElementsByType(ZeebeLoopCharacteristics.class).forEach(l -> {
      variables.add(root.apply(l.getInputElement()));
      variables.add(root.apply(l.getOutputCollection()));
    });
    model.getModelElementsByType(ZeebeCalledDecision.class).forEach(d -> variables.add(root.apply(d.getResultVariable())));
    model.getModelElementsByType(ZeebeScript.class).forEach(s -> variables.add(root.apply(s.getResultVariable())));
    model.getModelElementsByType(ZeebeAdHoc.class).forEach(a -> variables.add(root.apply(a.getOutputCollection())));
    variables.remove(null);
    return variables;
  }

  private void userTasks(String file, BpmnModelInstance model, Map<String, JsonNode> forms, Set<String> linked, Problems problems) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (extension(task, ZeebeUserTask.class) == null) {
        problems.add(file, task.getId(), "user-task-not-camunda");
      }
      ZeebeFormDefinition form = extension(task, ZeebeFormDefinition.class);
      if (form == null || form.getFormId() == null || form.getFormId().isBlank()) {
        problems.add(file, task.getId(), "user-task-no-form");
      } else if (!forms.containsKey(form.getFormId())) {
        problems.add(file, task.getId(), "form-unknown", form.getFormId());
      } else {
        linked.add(form.getFormId());
      }
      candidateGroups(file, task, problems);
    }
  }

  private void candidateGroups(String file, UserTask task, Problems problems) {
    ZeebeAssignmentDefinition assignment = extension(task, ZeebeAssignmentDefinition.class);
    String groups = assignment == null ? null : assignment.getCandidateGroups();
    if (groups == null || groups.isBlank()) {
      problems.add(file, task.getId(), "candidate-group-missing");
      return;
    }
    Map<String, String> inputs = new HashMap<>();
    task.getModelInstance().getModelElementsByType(ZeebeInput.class).stream()
        .filter(i -> task.equals(EngineFeatures.owner(i)))
        .forEach(i -> inputs.put(i.getTarget(), i.getSource()));
    List<String> names = new ArrayList<>();
    if (!resolveGroups(groups, inputs, names, 0)) {
      problems.add(file, task.getId(), "candidate-group-unresolved", groups);
      return;
    }
    names.stream().filter(name -> !exists(name)).forEach(name -> problems.add(file, task.getId(), "candidate-group-unknown", name));
  }

  /**
   * The group names a candidate-groups value stands for: a static list, a FEEL string or list of strings,
   * a local input holding one, or {@code "unit-" + unitCode} (any unit: nothing to add). False when the
   * expression is none of these.
   */
  private static boolean resolveGroups(String value, Map<String, String> inputs, List<String> names, int depth) {
    if (value == null || depth > 3) {
      return false;
    }
    if (!value.startsWith("=")) {
      for (String name : value.split(",")) {
        names.add(name.strip());
      }
      return true;
    }
    String body = value.substring(1).strip();
    List<String> terms = body.startsWith("[") && body.endsWith("]")
        ? List.of(body.substring(1, body.length() - 1).split(","))
        : List.of(body);
    for (String raw : terms) {
      String term = raw.strip();
      var literal = STRING.matcher(term);
      if (literal.matches()) {
        names.add(literal.group(1));
      } else if (UNIT_GROUP.matcher(term).matches()) {
        continue;
      } else if (NAME.matcher(term).matches() && inputs.containsKey(term)) {
        if (!resolveGroups(inputs.get(term), inputs, names, depth + 1)) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  private boolean exists(String name) {
    return StaffGroup.parse(name).map(group -> group.unitCode().map(unitExists::test).orElse(true)).orElse(false);
  }

  private static void references(String file, BpmnModelInstance model, Set<String> processes, Set<String> decisions, Problems problems) {
    for (ZeebeCalledElement called : model.getModelElementsByType(ZeebeCalledElement.class)) {
      String id = called.getProcessId();
      if (id != null && !id.startsWith("=") && !processes.contains(id)) {
        problems.add(file, EngineFeatures.ownerId(called), "process-unknown", id);
      }
    }
    for (ZeebeCalledDecision called : model.getModelElementsByType(ZeebeCalledDecision.class)) {
      String id = called.getDecisionId();
      if (id != null && !id.startsWith("=") && !decisions.contains(id)) {
        problems.add(file, EngineFeatures.ownerId(called), "decision-unknown", id);
      }
    }
  }

  /**
   * Form ids are their file names; the applicant forms have both translation files, with a text for each
   * text they show; and every translation names a form and components that exist. Staff forms need none:
   * Tasklist shows them as they are, in both languages (docs/forms.md).
   */
  private void forms(ParsedModels set, Map<String, JsonNode> forms, Problems problems) {
    forms.forEach((name, form) -> {
      if (!name.equals(form.path("id").asText())) {
        problems.add(name + ".form", null, "form-id-mismatch", form.path("id").asText(), name);
      }
    });
    for (String name : contract.applicantForms()) {
      JsonNode form = forms.get(name);
      if (form == null) {
        problems.add(name + ".form", null, "applicant-form-missing", name);
        continue;
      }
      for (String language : LANGUAGES) {
        String file = name + "." + language + ".json";
        JsonNode translation = set.translations.get(file);
        if (translation == null) {
          problems.add(file, null, "translation-missing", name, language);
        } else {
          translated(file, form, translation, problems);
        }
      }
    }
    set.translations.forEach((file, translation) -> {
      JsonNode form = forms.get(SafeInput.translatedForm(file));
      if (form == null) {
        problems.add(file, null, "translation-orphan", SafeInput.translatedForm(file));
        return;
      }
      Set<String> entries = FormComponents.of(form).entries().keySet();
      translation.fieldNames().forEachRemaining(entry -> {
        if (!entries.contains(entry)) {
          problems.add(file, entry, "translation-entry-unknown", entry);
        }
      });
    });
  }

  private static void translated(String file, JsonNode form, JsonNode translation, Problems problems) {
    FormComponents.of(form).entries().forEach((entry, component) -> {
      JsonNode texts = translation.path(entry);
      for (String text : TEXTS) {
        if (!component.path(text).asText("").isBlank() && texts.path(text).asText("").isBlank()) {
          problems.add(file, entry, "translation-incomplete", entry, text);
        }
      }
      for (JsonNode option : component.path("values")) {
        String value = option.path("value").asText();
        if (texts.path("values").path(value).asText("").isBlank()) {
          problems.add(file, entry, "translation-incomplete", entry, "values." + value);
        }
      }
    });
  }

  private static <T extends ModelElementInstance> T extension(BaseElement element, Class<T> type) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getChildElementsByType(type).stream().findFirst().orElse(null);
  }
}
