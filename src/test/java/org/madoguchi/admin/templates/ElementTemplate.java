package org.madoguchi.admin.templates;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** A copy with its properties as {@code edit} leaves them, for the tests that prove a check can fail. */
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
    return properties().anyMatch(p -> "zeebe:userTask".equals(p.path("binding").path("type").asText()));
  }

  /** The value of the property bound to {@code bindingType} with {@code property} (the candidate groups, due date...). */
  Optional<String> value(String bindingType, String property) {
    return property(bindingType, property).map(p -> p.path("value").asText());
  }

  /** Input mappings in template order: the local variable (what the worker or form reads) -> its FEEL source. */
  Map<String, String> inputs() {
    Map<String, String> inputs = new LinkedHashMap<>();
    properties()
        .filter(p -> "zeebe:input".equals(p.path("binding").path("type").asText()))
        .forEach(p -> inputs.put(p.path("binding").path("name").asText(), p.path("value").asText()));
    return inputs;
  }

  /** Output mappings in template order: the process variable written -> its FEEL source (what the step returns). */
  Map<String, String> outputs() {
    Map<String, String> outputs = new LinkedHashMap<>();
    properties()
        .filter(p -> "zeebe:output".equals(p.path("binding").path("type").asText()))
        .forEach(p -> outputs.put(p.path("value").asText(), p.path("binding").path("source").asText()));
    return outputs;
  }

  /** Execution listeners the template writes: event type ({@code start}, {@code end}) -> job type. */
  Map<String, String> listeners() {
    Map<String, String> listeners = new LinkedHashMap<>();
    properties()
        .filter(p -> "zeebe:executionListener".equals(p.path("binding").path("type").asText()))
        .forEach(p -> listeners.put(p.path("binding").path("eventType").asText(), p.path("value").asText()));
    return listeners;
  }

  private Optional<JsonNode> property(String bindingType, String property) {
    return properties()
        .filter(p -> bindingType.equals(p.path("binding").path("type").asText()))
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
