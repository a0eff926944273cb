package org.madoguchi.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Plain-text mail templates in {@code mail/<template>.<ja|en>.txt}: the first line is the subject,
 * the rest the body; {@code {{name}}} stands for a model value. A placeholder without a value is an
 * error, so a mail never goes out with a hole in it.
 */
@Component
class MailTemplates {

  static final String DEFAULT_LANGUAGE = "ja";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  /** The language actually used: the requested one if the template exists in it, else Japanese. */
  String languageFor(String template, String language) {
    return exists(template, language) ? language : DEFAULT_LANGUAGE;
  }

  RenderedMail render(String template, String language, Map<String, Object> model) {
    String text = load(template, language);
    int newline = text.indexOf('\n');
    if (newline < 0) {
      throw new IllegalStateException("mail template " + template + "." + language + " has no body");
    }
    String subject = fill(text.substring(0, newline).strip(), model, template);
    String body = fill(text.substring(newline + 1).stripLeading(), model, template);
    return new RenderedMail(subject, body);
  }

  private static String fill(String text, Map<String, Object> model, String template) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      if (!model.containsKey(name) || model.get(name) == null) {
        throw new IllegalStateException("mail template " + template + " needs a value for " + name);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(model.get(name))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static boolean exists(String template, String language) {
    return new ClassPathResource(path(template, language)).exists();
  }

  private static String load(String template, String language) {
    ClassPathResource resource = new ClassPathResource(path(template, language));
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("no mail template " + path(template, language), e);
    }
  }

  private static String path(String template, String language) {
    return "mail/" + template + "." + language + ".txt";
  }
}
