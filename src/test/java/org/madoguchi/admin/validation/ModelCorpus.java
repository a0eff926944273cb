package org.madoguchi.admin.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelProblem;

/**
 * The public models and forms of src/test/resources/model-corpus (SOURCES.md) and the variants with one
 * engine-level defect each derived from them, shared by the validator's test and the engine's.
 */
final class ModelCorpus {

  private static final Path DIRECTORY = Path.of("src/test/resources/model-corpus");
  private static final Pattern FLOW = Pattern.compile("<bpmn:sequenceFlow id=\"([^\"]+)\"[^>]*targetRef=\"([^\"]+)\"");
  private static final Pattern JOB_TYPE = Pattern.compile("<zeebe:taskDefinition type=\"([^\"]+)\"");
  private static final Pattern DECISION_ENTRY = Pattern.compile("<text>([^<]+)</text>");
  private static final Pattern DECISION = Pattern.compile("<decision id=\"([^\"]+)\"");
  private static final Pattern BPMN_ELEMENT = Pattern.compile("<bpmn:(?!extensionElements)[A-Za-z]+ id=\"([^\"]+)\"");

  /** Real processes whose sequence flows and ids the structural variants break. */
  static final List<String> PROCESSES = List.of(
      "zeebe-user-task.bpmn", "message-correlation-test.bpmn", "Signal.bpmn", "conditional-pathway.bpmn",
      "ai-email-support-agent.bpmn");

  /** Real processes with a job type, which the FEEL variant breaks. */
  static final List<String> PROCESSES_WITH_JOBS = List.of("Signal.bpmn", "conditional-pathway.bpmn", "ai-email-support-agent.bpmn");

  /**
   * A model with one defect: where the validator must report it, and what the engine's refusal names (the
   * engine names a dangling reference by its missing target and a decision's defect by its expression).
   */
  record Broken(String description, ModelFile file, String elementId, String code, String engineNames) {
    @Override
    public String toString() {
      return description;
    }
  }

  private ModelCorpus() {}

  static ModelFile file(String name) {
    try {
      return new ModelFile(name, Files.readAllBytes(DIRECTORY.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every model and form of the corpus. */
  static List<ModelFile> all() {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files.map(path -> path.getFileName().toString())
          .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
          .sorted()
          .map(ModelCorpus::file)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ModelProblem> problemsOf(ModelFile file, EngineVersion target) {
    return OwnModels.CHECKS.validateForEngine(List.of(file), target, Locale.ENGLISH).problems();
  }

  static String text(ModelFile file) {
    return new String(file.content(), StandardCharsets.UTF_8);
  }

  static ModelFile with(ModelFile file, String content) {
    return new ModelFile(file.name(), content.getBytes(StandardCharsets.UTF_8));
  }

  /** Each real process, decision and form broken once in a way that Zeebe itself refuses to deploy. */
  static List<Broken> engineLevelDefects() {
    List<Broken> broken = new ArrayList<>();
    for (String name : PROCESSES) {
      broken.add(danglingFlow(file(name)));
      broken.add(duplicateId(file(name)));
    }
    for (String name : PROCESSES_WITH_JOBS) {
      broken.add(feelSyntaxError(file(name)));
    }
    broken.add(brokenDecisionExpression(file("dish-decision.dmn")));
    return broken;
  }

  /** The first sequence flow pointed at an element that does not exist. */
  static Broken danglingFlow(ModelFile model) {
    String xml = text(model);
    Matcher flow = first(FLOW, xml);
    String target = flow.group(2);
    ModelFile broken = with(model, xml.replace("targetRef=\"" + target + "\"", "targetRef=\"Gone_" + target + "\""));
    return new Broken(
        model.name() + ": flow to a missing element", broken, flow.group(1), "reference-missing", "Gone_" + target);
  }

  /** The first sequence flow's id given to the first end event as well. */
  static Broken duplicateId(ModelFile model) {
    String xml = text(model);
    String id = first(FLOW, xml).group(1);
    ModelFile broken = with(model, xml.replaceFirst("<bpmn:endEvent id=\"[^\"]+\"", "<bpmn:endEvent id=\"" + id + "\""));
    return new Broken(model.name() + ": duplicate id", broken, id, "duplicate-id", id);
  }

  /** The first job type turned into an unfinished FEEL expression. */
  static Broken feelSyntaxError(ModelFile model) {
    String xml = text(model);
    Matcher job = first(JOB_TYPE, xml);
    ModelFile broken = with(model, xml.replace(job.group(), "<zeebe:taskDefinition type=\"=" + job.group(1) + " +\""));
    String owner = idBefore(BPMN_ELEMENT, xml, job.start());
    return new Broken(model.name() + ": FEEL syntax error", broken, owner, "feel-syntax", owner);
  }

  /** The first expression of a decision table made unparseable: reported at its decision. */
  static Broken brokenDecisionExpression(ModelFile decision) {
    String xml = text(decision);
    Matcher entry = first(DECISION_ENTRY, xml);
    String expression = entry.group(1) + " )(";
    ModelFile broken = with(decision, xml.replace(entry.group(), "<text>" + expression + "</text>"));
    return new Broken(decision.name() + ": unparseable expression", broken, idBefore(DECISION, xml, entry.start()),
        "dmn-invalid", expression);
  }

  private static Matcher first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern + " in the corpus file");
    }
    return matcher;
  }

  /** The id of the last {@code element} that starts before {@code offset}. */
  private static String idBefore(Pattern element, String xml, int offset) {
    Matcher open = element.matcher(xml);
    String id = null;
    while (open.find() && open.start() < offset) {
      id = open.group(1);
    }
    return id;
  }
}
