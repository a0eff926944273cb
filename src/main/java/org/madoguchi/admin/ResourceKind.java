package org.madoguchi.admin;

import java.util.Locale;
import java.util.Optional;

/** What a model file is, by its name's ending; a form's texts ({@code .json}) are checked but never deployed. */
public enum ResourceKind {
  PROCESS(".bpmn"),
  DECISION(".dmn"),
  FORM(".form"),
  FORM_TEXTS(".json");

  private final String ending;

  ResourceKind(String ending) {
    this.ending = ending;
  }

  public static Optional<ResourceKind> of(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (ResourceKind kind : values()) {
      if (lower.endsWith(kind.ending) && lower.length() > kind.ending.length()) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Whether the engine takes it. */
  public boolean deployable() {
    return this != FORM_TEXTS;
  }

  public static boolean deployable(ModelFile file) {
    return of(file.name()).map(ResourceKind::deployable).orElse(false);
  }
}
