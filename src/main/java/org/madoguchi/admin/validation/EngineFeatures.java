package org.madoguchi.admin.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.ConditionalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAdHoc;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.madoguchi.admin.EngineVersion;

/**
 * What each engine version can run, as Camunda Modeler's linter decides it: the rules and configs of
 * npm {@code bpmnlint-plugin-camunda-compat} 2.61.0 (used by {@code @camunda/linting} 3.57.0; index.js
 * configs camunda-cloud-8-6 to 8-8, rules element-type, implementation, ad-hoc-sub-process,
 * no-task-listeners, io-mapping) for BPMN, and {@code @camunda/form-linting} 0.25.0
 * (lib/config/formVersion.js: 8.6 runs form-js 1.10.0, 8.7 1.15.0, 8.8 1.16.0; form-element-type and
 * no-pattern-error-message) for forms, with the schemaVersion each form-js writes (1.10.0: 16,
 * 1.16.0: 19). Version tags and execution listeners are 8.6 features, so they pass everywhere here.
 */
final class EngineFeatures {

  /** A BPMN feature newer than some engine version, and where a model uses it (element ids). */
  record BpmnFeature(String key, String since, Function<BpmnModelInstance, Stream<? extends ModelElementInstance>> uses) {}

  static final List<BpmnFeature> BPMN = List.of(
      new BpmnFeature("ad-hoc-subprocess", "8.7", m -> all(m, AdHocSubProcess.class)),
      new BpmnFeature("ad-hoc-job-worker", "8.8",
          m -> all(m, ZeebeTaskDefinition.class).filter(d -> owner(d) instanceof AdHocSubProcess)),
      new BpmnFeature("ad-hoc-completion", "8.8",
          m -> all(m, AdHocSubProcess.class).filter(a -> a.getCompletionCondition() != null || !a.isCancelRemainingInstances())),
      new BpmnFeature("ad-hoc-output-collection", "8.8",
          m -> all(m, ZeebeAdHoc.class).filter(a -> a.getOutputCollection() != null || a.getOutputElement() != null)),
      new BpmnFeature("task-listeners", "8.8", m -> all(m, ZeebeTaskListeners.class)),
      new BpmnFeature("input-without-source", "8.8",
          m -> all(m, ZeebeInput.class).filter(i -> i.getSource() == null || i.getSource().isBlank())),
      new BpmnFeature("conditional-event", "8.9", m -> all(m, ConditionalEventDefinition.class)));

  /** The newest form schemaVersion the engine version's Tasklist (its form-js) reads. */
  static final Map<EngineVersion, Integer> FORM_SCHEMA_VERSION =
      Map.of(EngineVersion.CAMUNDA_8_6, 16, EngineVersion.CAMUNDA_8_8, 19);

  /** A form component feature newer than some engine version. */
  record FormFeature(String key, String since, Predicate<JsonNode> usedBy) {}

  static final List<FormFeature> FORM = List.of(
      new FormFeature("form-filepicker", "8.7", c -> "filepicker".equals(c.path("type").asText())),
      new FormFeature("form-document-preview", "8.7", c -> "documentPreview".equals(c.path("type").asText())),
      new FormFeature("form-pattern-error-message", "8.8", c -> c.path("validate").has("patternErrorMessage")));

  private EngineFeatures() {}

  /** Whether {@code target} runs a feature that Camunda {@code since} introduced. */
  static boolean runs(EngineVersion target, String since) {
    return minor(target.label()) >= minor(since);
  }

  private static int minor(String version) {
    return Integer.parseInt(version.substring(version.indexOf('.') + 1));
  }

  private static <T extends ModelElementInstance> Stream<T> all(BpmnModelInstance model, Class<T> type) {
    return model.getModelElementsByType(type).stream();
  }

  /** The element an extension belongs to: the nearest ancestor (or itself) with an id. */
  static ModelElementInstance owner(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null) {
      String id = current.getAttributeValue("id");
      if (id != null && !(current instanceof io.camunda.zeebe.model.bpmn.instance.ExtensionElements)
          && !(current instanceof io.camunda.zeebe.model.bpmn.instance.EventDefinition)) {
        return current;
      }
      current = current.getParentElement();
    }
    return null;
  }

  static String ownerId(ModelElementInstance element) {
    ModelElementInstance owner = owner(element);
    return owner == null ? null : owner.getAttributeValue("id");
  }
}
