package org.madoguchi.admin.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The unit codes a fresh database has: read from the Flyway migrations that seed {@code support_units},
 * the same statements that fill the catalogue, so that the command-line check needs no database and no
 * second list of codes.
 */
public final class SeededUnitCodes {

  private static final Pattern INSERT =
      Pattern.compile("INSERT INTO support_units\\s*\\([^)]*\\)\\s*VALUES(.*?);", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** The first value of each row: {@code ('structure', ...}. */
  private static final Pattern ROW = Pattern.compile("(?m)^\\s*,?\\s*\\(\\s*'([a-z][a-z0-9-]*)'");

  private SeededUnitCodes() {}

  public static Set<String> read() {
    Set<String> codes = new TreeSet<>();
    try {
      for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
        String sql = migration.getContentAsString(StandardCharsets.UTF_8);
        Matcher insert = INSERT.matcher(sql);
        while (insert.find()) {
          Matcher row = ROW.matcher(insert.group(1));
          while (row.find()) {
            codes.add(row.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return codes;
  }
}
