package org.madoguchi.admin.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;

/**
 * One file of element-templates/ as Desktop Modeler reads it, with the bindings Madoguchi's contract cares about:
 * the job type, the form, the input and output mappings and the execution listeners it writes into a model.
 */
record ElementTemplate(String file, JsonNode json) {

  static final Path FOLDER = Path.of("element-templates");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every element-templates/*.json, by file name. */
  static List<ElementTemplate> readAll() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().map(ElementTemplate::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + FOLDER.toAbsolutePath() + " (run from the project root)", e);
    }
  }

  static ElementTemplate read(Path file) {
    try {
      return new ElementTemplate(file.getFileName().toString(), JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** A copy as {@code edit} leaves it, for the tests that prove a check can fail. */
  ElementTemplate edited(Consumer<JsonNode> edit) {
    JsonNode copy = json.deepCopy();
    edit.accept(copy);
    return new ElementTemplate(file, copy);
  }

  String id() {
    return json.path("id").asText();
  }

  /** The BPMN type the template turns an element into ({@code bpmn:ServiceTask}, {@code bpmn:UserTask}). */
  String elementType() {
    return json.path("elementType").path("value").asText("");
  }

  Optional<String> jobType() {
    return property("zeebe:taskDefinition", "type").map(p -> p.path("value").asText());
  }

  /** True when the job type is set and hidden: an administrator cannot change what the worker serves. */
  boolean jobTypeHidden() {
    return property("zeebe:taskDefinition", "type").map(p -> "Hidden".equals(p.path("type").asText())).orElse(false);
  }

  Optional<String> formId() {
    return property("zeebe:formDefinition", "formId").map(p -> p.path("value").asText());
  }

  boolean camundaUserTask() {
    return properties().anyMatch(bound("zeebe:userTask"));
  }

  /** The value of the property bound to {@code bindingType} with {@code property} (the candidate groups, due date...). */
  Optional<String> value(String bindingType, String property) {
    return property(bindingType, property).map(p -> p.path("value").asText());
  }

  /** Input mappings in template order: the local variable (what the worker or form reads) -> its FEEL source. */
  Map<String, String> inputs() {
    return byBinding("zeebe:input", p -> p.path("binding").path("name").asText(), p -> p.path("value").asText());
  }

  /** Output mappings in template order: the process variable written -> its FEEL source (what the step returns). */
  Map<String, String> outputs() {
    return byBinding("zeebe:output", p -> p.path("value").asText(), p -> p.path("binding").path("source").asText());
  }

  /** Execution listeners the template writes: event type ({@code start}, {@code end}) -> job type. */
  Map<String, String> listeners() {
    return byBinding("zeebe:executionListener", p -> p.path("binding").path("eventType").asText(), p -> p.path("value").asText());
  }

  /** A copy without the properties {@code unwanted} matches, for the tests that prove a check can fail. */
  ElementTemplate without(Predicate<JsonNode> unwanted) {
    return edited(json -> {
      ArrayNode properties = (ArrayNode) json.path("properties");
      for (int i = properties.size() - 1; i >= 0; i--) {
        if (unwanted.test(properties.get(i))) {
          properties.remove(i);
        }
      }
    });
  }

  /** Properties whose binding is of {@code bindingType} ({@code zeebe:input}, {@code zeebe:executionListener}...). */
  static Predicate<JsonNode> bound(String bindingType) {
    return p -> bindingType.equals(p.path("binding").path("type").asText());
  }

  private Map<String, String> byBinding(String bindingType, Function<JsonNode, String> key, Function<JsonNode, String> value) {
    Map<String, String> mapped = new LinkedHashMap<>();
    properties().filter(bound(bindingType)).forEach(p -> mapped.put(key.apply(p), value.apply(p)));
    return mapped;
  }

  private Optional<JsonNode> property(String bindingType, String property) {
    return properties()
        .filter(bound(bindingType))
        .filter(p -> property.equals(p.path("binding").path("property").asText()))
        .findFirst();
  }

  private Stream<JsonNode> properties() {
    return StreamSupport.stream(json.path("properties").spliterator(), false);
  }

  @Override
  public String toString() {
    return file;
  }
}
