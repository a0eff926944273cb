package org.madoguchi.admin.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.el.ExpressionLanguage;
import io.camunda.zeebe.el.ExpressionLanguageFactory;
import io.camunda.zeebe.engine.processing.common.ExpressionProcessor;
import io.camunda.zeebe.engine.processing.deployment.model.validation.ZeebeRuntimeValidators;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.validation.ModelElementValidator;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The checks any Camunda 8 model must pass, whoever wrote it: the limits and safe parsing of
 * {@link SafeInput}, the BPMN schema (Camunda's model API), Zeebe's design-time validators and the
 * engine's own deployment-time validators (FEEL expressions parsed by the engine's expression language),
 * the engine's DMN parser, the form rules, and the features of the target engine version.
 */
final class EngineChecks {

  private static final Pattern DUPLICATE_ID = Pattern.compile("multiple occurrences of ID value '([^']+)'");
  private static final Pattern QUOTED_EXPRESSION = Pattern.compile("failed to parse expression '(.*)': ");
  private static final Pattern MISSING_REFERENCE = Pattern.compile("no ID/IDREF binding for IDREF '([^']+)'");

  private final Collection<ModelElementValidator<?>> designTime = ZeebeDesignTimeValidators.VALIDATORS;
  private final Collection<ModelElementValidator<?>> deploymentTime;
  private final DecisionEngine decisions = DecisionEngineFactory.createDecisionEngine();

  EngineChecks(Clock clock) {
    ExpressionLanguage feel =
        ExpressionLanguageFactory.createExpressionLanguage(() -> clock.instant().atZone(ZoneOffset.UTC));
    // Deployment-time checks evaluate only constant expressions: there are no process variables.
    ExpressionProcessor expressions = new ExpressionProcessor(feel, scopeKey -> name -> null, Duration.ofSeconds(1));
    deploymentTime = ZeebeRuntimeValidators.getValidators(feel, expressions);
  }

  /** Checks every file; returns those that passed, parsed. */
  synchronized ParsedModels check(List<ModelFile> files, EngineVersion target, Problems problems) {
    ParsedModels parsed = new ParsedModels();
    Set<String> names = new HashSet<>();
    for (ModelFile file : files) {
      Optional<SafeInput.Kind> kind = SafeInput.kindOf(file.name());
      if (kind.isEmpty()) {
        problems.add(file.name(), null, "file-kind-unknown");
      } else if (!names.add(file.name())) {
        problems.add(file.name(), null, "file-duplicate");
      } else if (file.content().length > SafeInput.MAX_FILE_BYTES) {
        problems.add(file.name(), null, "file-too-large", file.content().length / 1024, SafeInput.MAX_FILE_BYTES / 1024);
      } else {
        switch (kind.get()) {
          case BPMN -> bpmn(file, target, problems).ifPresent(model -> parsed.bpmn.put(file.name(), model));
          case DMN -> dmn(file, problems).ifPresent(ids -> parsed.decisions.put(file.name(), ids));
          case FORM -> form(file, target, problems).ifPresent(form -> parsed.forms.put(file.name(), form));
          case TRANSLATION -> SafeInput.json(file, problems).ifPresent(json -> {
            if (json.isObject()) {
              parsed.translations.put(file.name(), json);
            } else {
              problems.add(file.name(), null, "json-malformed", "not a JSON object");
            }
          });
        }
      }
    }
    return parsed;
  }

  private Optional<BpmnModelInstance> bpmn(ModelFile file, EngineVersion target, Problems problems) {
    Optional<Document> xml = SafeInput.xml(file, problems);
    if (xml.isEmpty()) {
      return Optional.empty();
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (ModelException | IllegalArgumentException e) {
      schemaProblem(file.name(), xml.get(), String.valueOf(e.getMessage()), e.getCause(), problems);
      return Optional.empty();
    }
    int before = problems.list().size();
    validate(file.name(), model, designTime, "zeebe-rule", problems);
    if (problems.list().size() == before) {
      validate(file.name(), model, deploymentTime, "zeebe-runtime", problems);
    }
    for (EngineFeatures.BpmnFeature feature : EngineFeatures.BPMN) {
      if (!EngineFeatures.runs(target, feature.since())) {
        feature.uses().apply(model).map(EngineFeatures::ownerId).distinct().forEach(id -> problems.add(
            file.name(), id, "engine-feature", problems.text("feature." + feature.key()), feature.since(), target.label()));
      }
    }
    return problems.list().size() == before ? Optional.of(model) : Optional.empty();
  }

  private static void validate(
      String file, BpmnModelInstance model, Collection<ModelElementValidator<?>> validators, String code, Problems problems) {
    for (var entry : model.validate(validators).getResults().entrySet()) {
      String elementId = EngineFeatures.ownerId(entry.getKey());
      for (ValidationResult result : entry.getValue()) {
        if (result.getType() == ValidationResultType.ERROR) {
          String message = String.valueOf(result.getMessage());
          boolean feel = message.toLowerCase(Locale.ROOT).contains("failed to parse expression");
          problems.add(file, elementId, feel ? "feel-syntax" : code, message);
        }
      }
    }
  }

  /** A schema failure, with the element it concerns when the parser names an id. */
  private static void schemaProblem(String file, Document xml, String message, Throwable cause, Problems problems) {
    String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : message;
    Matcher duplicate = DUPLICATE_ID.matcher(detail);
    if (duplicate.find()) {
      problems.add(file, duplicate.group(1), "duplicate-id", duplicate.group(1));
      return;
    }
    Matcher missing = MISSING_REFERENCE.matcher(detail);
    if (missing.find()) {
      String referrer = referrerOf(xml, missing.group(1));
      problems.add(file, referrer, "reference-missing", missing.group(1));
      return;
    }
    problems.add(file, null, "bpmn-schema", detail);
  }

  /** The id of the first element that refers to {@code id} in an attribute other than its own id. */
  private static String referrerOf(Document xml, String id) {
    NodeList all = xml.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      var attributes = element.getAttributes();
      for (int a = 0; a < attributes.getLength(); a++) {
        var attribute = attributes.item(a);
        if (!"id".equals(attribute.getLocalName()) && id.equals(attribute.getNodeValue())) {
          return element.getAttribute("id").isEmpty() ? null : element.getAttribute("id");
        }
      }
      if (element.getChildNodes().getLength() == 1 && id.equals(element.getTextContent().strip())) {
        Element parent = (Element) element.getParentNode();
        return parent.getAttribute("id").isEmpty() ? null : parent.getAttribute("id");
      }
    }
    return null;
  }

  private Optional<Set<String>> dmn(ModelFile file, Problems problems) {
    Optional<Document> xml = SafeInput.xml(file, problems);
    if (xml.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ids = new LinkedHashSet<>();
    NodeList decisionElements = xml.get().getElementsByTagNameNS("*", "decision");
    for (int i = 0; i < decisionElements.getLength(); i++) {
      ids.add(((Element) decisionElements.item(i)).getAttribute("id"));
    }
    ParsedDecisionRequirementsGraph graph = decisions.parse(new ByteArrayInputStream(file.content()));
    if (!graph.isValid()) {
      String failure = String.valueOf(graph.getFailureMessage());
      if (failure.contains("Unable to parse model")) {
        failure = schemaFailure(file.content()).orElse(failure);
      }
      problems.add(file.name(), decisionOf(xml.get(), ids, failure), "dmn-invalid", failure);
      return Optional.empty();
    }
    return Optional.of(ids);
  }

  /** Why Camunda's DMN model API refuses the file (the engine's parser says only that it does). */
  private static Optional<String> schemaFailure(byte[] content) {
    try {
      org.camunda.bpm.model.dmn.Dmn.readModelFromStream(new ByteArrayInputStream(content));
      return Optional.empty();
    } catch (RuntimeException e) {
      Throwable deepest = e;
      while (deepest.getCause() != null) {
        deepest = deepest.getCause();
      }
      return Optional.ofNullable(deepest.getMessage());
    }
  }

  /**
   * The decision a parse failure concerns: the one holding the expression the message quotes, the one
   * the message names, or the only one of the file; null when none of these tells.
   */
  private static String decisionOf(Document xml, Set<String> ids, String failure) {
    Matcher quoted = QUOTED_EXPRESSION.matcher(failure);
    if (quoted.find()) {
      NodeList texts = xml.getElementsByTagNameNS("*", "text");
      for (int i = 0; i < texts.getLength(); i++) {
        if (texts.item(i).getTextContent().strip().equals(quoted.group(1).strip())) {
          for (var node = texts.item(i).getParentNode(); node instanceof Element element; node = node.getParentNode()) {
            if ("decision".equals(element.getLocalName())) {
              return element.getAttribute("id");
            }
          }
        }
      }
    }
    return ids.stream().filter(id -> !id.isEmpty() && failure.contains("'" + id + "'")).findFirst()
        .orElse(ids.size() == 1 ? ids.iterator().next() : null);
  }

  private Optional<JsonNode> form(ModelFile file, EngineVersion target, Problems problems) {
    Optional<JsonNode> json = SafeInput.json(file, problems);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    JsonNode form = json.get();
    if (!form.isObject() || !form.path("components").isArray()) {
      problems.add(file.name(), null, "form-not-a-form");
      return Optional.empty();
    }
    int before = problems.list().size();
    FormComponents components = FormComponents.of(form);
    if (components.count() > SafeInput.MAX_FORM_COMPONENTS) {
      problems.add(file.name(), null, "form-too-many-components", components.count(), SafeInput.MAX_FORM_COMPONENTS);
      return Optional.empty();
    }
    if (components.depth() > SafeInput.MAX_FORM_DEPTH) {
      problems.add(file.name(), null, "form-too-deep", components.depth(), SafeInput.MAX_FORM_DEPTH);
      return Optional.empty();
    }
    if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
      problems.add(file.name(), null, "form-no-id");
    }
    components.duplicateKeys().forEach((key, componentId) -> problems.add(file.name(), componentId, "form-duplicate-key", key));
    int schemaVersion = form.path("schemaVersion").asInt(0);
    int newest = EngineFeatures.FORM_SCHEMA_VERSION.get(target);
    if (schemaVersion < 1 || schemaVersion > newest) {
      problems.add(file.name(), null, "form-schema-version", form.path("schemaVersion").asText("-"), newest, target.label());
    }
    for (EngineFeatures.FormFeature feature : EngineFeatures.FORM) {
      if (!EngineFeatures.runs(target, feature.since())) {
        components.all().stream().filter(feature.usedBy()).forEach(c -> problems.add(file.name(),
            c.path("id").asText(null), "engine-feature", problems.text("feature." + feature.key()), feature.since(), target.label()));
      }
    }
    return problems.list().size() == before ? Optional.of(form) : Optional.empty();
  }
}
