package org.madoguchi.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The applicant forms as the portal serves them: the form file the engine uses (classpath
 * {@code models/<name>.form}) with the texts of the user's language applied from the translation file
 * beside it ({@code forms/<name>.<lang>.json}, packaged as {@code forms-i18n/}, outside the engine's
 * deployment). Both files are read on every request, so an edited form or translation shows without
 * code changes; a text the translation file lacks stays as the form has it.
 *
 * <p>A translation file is one JSON object: entry name -> {label, description, text, dateLabel,
 * values: {optionValue: label}}. The entry name is the component's key, prefixed with the paths of
 * the dynamic lists around it ({@code papers.title}); components without a key (text, group, dynamic
 * list) are named by their id. See docs/forms.md.
 */
@Component
class FormTranslations {

  /** The forms an applicant fills in the portal. */
  static final List<String> APPLICANT_FORMS =
      List.of("support-request", "info-reply", "statement-acceptance", "data-deposit", "outcome-report");

  /** The languages with a translation file beside each applicant form. */
  static final List<String> LANGUAGES = List.of("ja", "en");

  /** The component texts a translation can replace (option labels come under {@code values}). */
  static final List<String> TEXTS = List.of("label", "description", "text", "dateLabel", "timeLabel", "placeholder");

  private final ObjectMapper json;

  FormTranslations(ObjectMapper json) {
    this.json = json;
  }

  /** The applicant form {@code name} in the language of {@code locale}; not-found for any other form. */
  JsonNode form(String name, Locale locale) throws IOException {
    if (!APPLICANT_FORMS.contains(name)) {
      throw new NotFoundException("form");
    }
    ObjectNode schema =
        read("models/" + name + ".form").filter(JsonNode::isObject).map(ObjectNode.class::cast)
            .orElseThrow(() -> new NotFoundException("form"));
    String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : LANGUAGES.getFirst();
    read("forms-i18n/" + name + "." + language + ".json").ifPresent(translation -> translate(schema, translation));
    return schema;
  }

  private Optional<JsonNode> read(String path) throws IOException {
    ClassPathResource resource = new ClassPathResource(path);
    if (!resource.exists()) {
      return Optional.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      return Optional.of(json.readTree(in));
    }
  }

  /** Applies the translation's texts to the schema in place; entries or texts it lacks are left alone. */
  static void translate(ObjectNode schema, JsonNode translation) {
    eachComponent(
        schema,
        (entry, component) -> {
          JsonNode texts = translation.get(entry);
          if (texts == null || !texts.isObject()) {
            return;
          }
          for (String text : TEXTS) {
            if (component.has(text) && texts.hasNonNull(text)) {
              component.put(text, texts.get(text).asText());
            }
          }
          JsonNode options = texts.get("values");
          if (options != null && component.get("values") instanceof ArrayNode values) {
            for (JsonNode option : values) {
              JsonNode label = options.get(option.path("value").asText());
              if (label != null && option instanceof ObjectNode o) {
                o.put("label", label.asText());
              }
            }
          }
        });
  }

  /** Visits every component of the form (nested ones too) with its entry name in a translation file. */
  static void eachComponent(JsonNode schema, BiConsumer<String, ObjectNode> visitor) {
    visit(schema.path("components"), "", visitor);
  }

  private static void visit(JsonNode components, String prefix, BiConsumer<String, ObjectNode> visitor) {
    for (JsonNode c : components) {
      if (!(c instanceof ObjectNode component)) {
        continue;
      }
      visitor.accept(entryName(prefix, component), component);
      String path = component.path("path").asText("");
      visit(component.path("components"), path.isEmpty() ? prefix : prefix + path + ".", visitor);
    }
  }

  static String entryName(String prefix, JsonNode component) {
    String key = component.path("key").asText("");
    return key.isEmpty() ? component.path("id").asText() : prefix + key;
  }

  /** The texts a component shows (for the completeness test): which of {@link #TEXTS} it has, and its option values. */
  static Map<String, Object> textsOf(JsonNode component) {
    Map<String, Object> texts = new LinkedHashMap<>();
    for (String text : TEXTS) {
      if (component.hasNonNull(text) && !component.get(text).asText().isBlank()) {
        texts.put(text, component.get(text).asText());
      }
    }
    if (component.get("values") != null && component.get("values").isArray()) {
      List<String> options = new ArrayList<>();
      component.get("values").forEach(option -> options.add(option.path("value").asText()));
      texts.put("values", options);
    }
    return texts;
  }
}
