package org.madoguchi.admin.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The components of a form-js schema, nested ones included, read once: how many and how deep, and each
 * keyed component's data path (the paths of the groups and dynamic lists around it come first, as
 * form-js submits them).
 */
record FormComponents(List<JsonNode> all, List<Keyed> keyed, int depth) {

  record Keyed(JsonNode component, String path) {}

  static FormComponents of(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    List<Keyed> keyed = new ArrayList<>();
    int depth = visit(form.path("components"), "", 1, all, keyed);
    return new FormComponents(all, keyed, depth);
  }

  private static int visit(JsonNode components, String prefix, int level, List<JsonNode> all, List<Keyed> keyed) {
    int deepest = components.isEmpty() ? level - 1 : level;
    for (JsonNode component : components) {
      if (!component.isObject()) {
        continue;
      }
      all.add(component);
      String key = component.path("key").asText("");
      if (!key.isEmpty()) {
        keyed.add(new Keyed(component, prefix + key));
      }
      if (all.size() > SafeInput.MAX_FORM_COMPONENTS) {
        return deepest; // counted far enough to refuse the form
      }
      String path = component.path("path").asText("");
      if (component.has("components")) {
        String inner = path.isEmpty() ? prefix : prefix + path + ".";
        deepest = Math.max(deepest, visit(component.get("components"), inner, level + 1, all, keyed));
      }
    }
    return deepest;
  }

  /**
   * Each component by its entry name in a translation file (docs/forms.md): its data path when it has a
   * key, else its id.
   */
  Map<String, JsonNode> entries() {
    Map<JsonNode, String> paths = new IdentityHashMap<>();
    keyed.forEach(k -> paths.put(k.component(), k.path()));
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    for (JsonNode component : all) {
      String entry = paths.getOrDefault(component, component.path("id").asText(""));
      if (!entry.isEmpty()) {
        entries.putIfAbsent(entry, component);
      }
    }
    return entries;
  }

  int count() {
    return all.size();
  }

  /** Data path -> id of the second component that uses it. */
  Map<String, String> duplicateKeys() {
    Set<String> seen = new HashSet<>();
    Map<String, String> duplicates = new LinkedHashMap<>();
    for (Keyed k : keyed) {
      if (!seen.add(k.path())) {
        duplicates.putIfAbsent(k.path(), k.component().path("id").asText(null));
      }
    }
    return duplicates;
  }

  /** The process variables a submitted form sets: the first segment of every data path. */
  Set<String> submittedVariables() {
    Set<String> variables = new LinkedHashSet<>();
    keyed.forEach(k -> variables.add(k.path().split("\\.")[0]));
    for (JsonNode component : all) {
      String path = component.path("path").asText("");
      if (!path.isEmpty()) {
        variables.add(path.split("\\.")[0]);
      }
    }
    return variables;
  }
}
