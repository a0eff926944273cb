package org.madoguchi.documents;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File names as people gave them, made safe to store and to offer for download: no folders, no control
 * or reserved characters, no leading dots, at most the column's length (whole code points).
 */
final class FileNames {

  /** Used when nothing of the given name is left. */
  static final String FALLBACK = "document";

  private FileNames() {}

  static String sanitize(String original, int maxLength) {
    String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\"*:<>?|]", "_").replaceAll("\\s+", " ").strip();
    name = name.replaceFirst("^[. ]+", "");
    return truncate(name.isEmpty() ? FALLBACK : name, maxLength);
  }

  /** The name's extension, lower case, with its dot ({@code .pdf}); empty if it has none. */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  /** The name followed by {@code extension}, shortened in front of the extension to fit {@code maxLength}. */
  static String withExtension(String name, String extension, int maxLength) {
    return truncate(name, maxLength - extension.length()) + extension;
  }

  /** Keeps the extension when a long name must be cut. */
  private static String truncate(String name, int maxLength) {
    if (name.codePointCount(0, name.length()) <= maxLength) {
      return name;
    }
    String extension = extension(name);
    if (extension.length() >= maxLength / 2) {
      extension = "";
    }
    String base = name.substring(0, name.length() - extension.length());
    return base.substring(0, base.offsetByCodePoints(0, maxLength - extension.length())).strip() + extension;
  }
}
