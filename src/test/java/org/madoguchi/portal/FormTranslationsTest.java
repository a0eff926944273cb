package org.madoguchi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The translation files beside the applicant forms (forms/<name>.<lang>.json): every text a form shows
 * has a translation in every language, so changing a form without its translations fails the build;
 * and applying a translation replaces exactly the texts it has.
 */
class FormTranslationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FORMS = Path.of("forms");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]+}}");

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(Files.readString(file));
  }

  @Test
  void everyTextOfEveryApplicantFormIsTranslatedIntoEveryLanguage() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String form : FormTranslations.APPLICANT_FORMS) {
      JsonNode schema = read(FORMS.resolve(form + ".form"));
      for (String language : FormTranslations.LANGUAGES) {
        Path file = FORMS.resolve(form + "." + language + ".json");
        if (!Files.exists(file)) {
          problems.add(file + ": missing");
          continue;
        }
        JsonNode translation = read(file);
        Set<String> entries = new HashSet<>();
        FormTranslations.eachComponent(
            schema,
            (entry, component) -> {
              entries.add(entry);
              String where = file.getFileName() + " " + entry;
              JsonNode texts = translation.get(entry);
              Map<String, Object> shown = FormTranslations.textsOf(component);
              if (shown.isEmpty()) {
                return;
              }
              if (texts == null) {
                problems.add(where + ": no entry");
                return;
              }
              shown.forEach(
                  (property, original) -> {
                    if (property.equals("values")) {
                      for (Object value : (List<?>) original) {
                        if (texts.path("values").path(String.valueOf(value)).asText("").isBlank()) {
                          problems.add(where + ": no label for option " + value);
                        }
                      }
                      return;
                    }
                    String translated = texts.path(property).asText("");
                    if (translated.isBlank()) {
                      problems.add(where + ": no " + property);
                    } else if (!placeholders(translated).equals(placeholders(String.valueOf(original)))) {
                      problems.add(where + ": " + property + " must keep the placeholders " + placeholders(String.valueOf(original)));
                    }
                  });
            });
        translation.fieldNames().forEachRemaining(
            name -> {
              if (!entries.contains(name)) {
                problems.add(file.getFileName() + " " + name + ": no such component in the form (renamed key?)");
              }
            });
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aTranslationReplacesTheTextsItHasAndLeavesTheRestAsTheFormHasThem() throws IOException {
    ObjectNode schema =
        (ObjectNode)
            JSON.readTree(
                """
                {"components": [
                  {"id": "Text_intro", "type": "text", "text": "Intro / はじめに"},
                  {"id": "Field_decision", "type": "radio", "key": "decision", "label": "回答 / Response",
                   "description": "Pick one",
                   "values": [{"label": "承認 / Accept", "value": "accept"}, {"label": "異議 / Dispute", "value": "dispute"}]},
                  {"id": "List_papers", "type": "dynamiclist", "path": "papers", "label": "論文 / Papers",
                   "components": [{"id": "Field_title", "type": "textfield", "key": "title", "label": "論文名 / Title"}]},
                  {"id": "Field_title2", "type": "textfield", "key": "title", "label": "課題名 / Title"}
                ]}
                """);
    JsonNode translation =
        JSON.readTree(
            """
            {"Text_intro": {"text": "はじめに"},
             "decision": {"label": "回答", "values": {"accept": "承認する"}},
             "papers.title": {"label": "論文名"}}
            """);

    FormTranslations.translate(schema, translation);

    JsonNode c = schema.get("components");
    assertThat(c.get(0).get("text").asText()).isEqualTo("はじめに");
    assertThat(c.get(1).get("label").asText()).isEqualTo("回答");
    assertThat(c.get(1).get("description").asText()).isEqualTo("Pick one");
    assertThat(c.get(1).get("values").get(0).get("label").asText()).isEqualTo("承認する");
    assertThat(c.get(1).get("values").get(1).get("label").asText()).isEqualTo("異議 / Dispute");
    assertThat(c.get(1).get("values").get(0).get("value").asText()).isEqualTo("accept");
    assertThat(c.get(2).get("label").asText()).isEqualTo("論文 / Papers");
    // The same key inside and outside a dynamic list are different entries.
    assertThat(c.get(2).get("components").get(0).get("label").asText()).isEqualTo("論文名");
    assertThat(c.get(3).get("label").asText()).isEqualTo("課題名 / Title");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
