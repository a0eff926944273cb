package org.madoguchi.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the staff forms (the ones Tasklist shows) and tells which process variables each one reads:
 * the roots of {@code {{...}}} placeholders in texts, of FEEL in hide conditions and option expressions,
 * and option keys. A form's own field keys are what it writes, not what it needs.
 */
final class StaffForms {

  static final List<String> NAMES =
      List.of(
          "consultation", "unit-assignment", "instrument-session", "reschedule", "finance-review",
          "deposit-verification", "overdue-deposit", "session-scheduling");

  static final String CASE_FILE_LINK = "({{staffCaseUrl}})";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(?:#(?:if|loop)\\s+)?([A-Za-z_]\\w*)");
  private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern FEEL_FUNCTION = Pattern.compile("(?:get value|list contains|string join|distinct values|[A-Za-z_]\\w*)\\s*\\(");
  private static final Pattern FEEL_NAME = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  private static final Set<String> FEEL_WORDS =
      Set.of("and", "or", "not", "null", "true", "false", "if", "then", "else", "for", "in", "return", "some", "every",
          "satisfies", "item", "this");

  private StaffForms() {}

  static JsonNode read(String name) {
    try {
      return new ObjectMapper().readTree(Files.readString(Path.of("forms", name + ".form")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The root names of the variables the form reads, minus those its own fields write. */
  static Set<String> variablesRead(JsonNode form) {
    Set<String> read = new TreeSet<>();
    Set<String> written = new TreeSet<>();
    for (JsonNode component : form.path("components")) {
      if (component.has("key")) {
        written.add(component.get("key").asText().split("\\.")[0]);
      }
      Matcher placeholder = PLACEHOLDER.matcher(component.path("text").asText() + component.path("label").asText());
      while (placeholder.find()) {
        read.add(placeholder.group(1));
      }
      feelNames(component.path("conditional").path("hide").asText(), read);
      feelNames(component.path("valuesExpression").asText(), read);
      if (component.has("valuesKey")) {
        read.add(component.get("valuesKey").asText());
      }
    }
    read.remove("this");
    read.removeAll(written);
    return read;
  }

  private static void feelNames(String expression, Set<String> names) {
    if (!expression.startsWith("=")) {
      return;
    }
    String bare = FEEL_FUNCTION.matcher(FEEL_STRING.matcher(expression.substring(1)).replaceAll(" ")).replaceAll(" ");
    Matcher name = FEEL_NAME.matcher(bare);
    while (name.find()) {
      if (!FEEL_WORDS.contains(name.group(1))) {
        names.add(name.group(1));
      }
    }
  }
}
