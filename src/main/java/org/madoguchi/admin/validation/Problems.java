package org.madoguchi.admin.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.madoguchi.admin.ModelProblem;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Collects the problems of one validation, each worded in the reader's language from
 * {@code i18n/admin-validation*.properties} under the key {@code validation.<code>}.
 */
final class Problems {

  private static final ResourceBundleMessageSource MESSAGES = messages();

  private final Locale locale;
  private final List<ModelProblem> found = new ArrayList<>();

  Problems(Locale locale) {
    this.locale = locale;
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("i18n/admin-validation");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  /** Adds a problem; {@code elementId} is null when it concerns the whole file. */
  void add(String file, String elementId, String code, Object... arguments) {
    found.add(new ModelProblem(file, elementId, code, MESSAGES.getMessage("validation." + code, arguments, locale)));
  }

  String text(String key, Object... arguments) {
    return MESSAGES.getMessage(key, arguments, locale);
  }

  boolean any() {
    return !found.isEmpty();
  }

  List<ModelProblem> list() {
    return List.copyOf(found);
  }
}
