package org.madoguchi.units;

import org.springframework.modulith.NamedInterface;

/** A support unit of the platform, as other features see it (e.g. for the desk's support plan). */
@NamedInterface("api")
public record SupportUnit(String code, String nameJa, String nameEn, String description) {

  /** The unit's name in {@code ja} or {@code en} (anything else reads Japanese, the facility's language). */
  public String name(String language) {
    return "en".equals(language) ? nameEn : nameJa;
  }
}
