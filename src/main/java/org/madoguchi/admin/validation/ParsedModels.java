package org.madoguchi.admin.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files of a model set that passed the engine-level checks, by file name: BPMN models, the decision
 * ids of each DMN file, forms (the JSON schema) and form translations. A file that failed is absent, so
 * the contract checks never look into what the engine would refuse anyway.
 */
final class ParsedModels {

  final Map<String, BpmnModelInstance> bpmn = new LinkedHashMap<>();
  final Map<String, Set<String>> decisions = new LinkedHashMap<>();
  final Map<String, JsonNode> forms = new LinkedHashMap<>();
  final Map<String, JsonNode> translations = new LinkedHashMap<>();

  /** The form id of a form file name ({@code consultation} for {@code consultation.form}). */
  static String formName(String file) {
    return file.substring(0, file.length() - ".form".length());
  }
}
