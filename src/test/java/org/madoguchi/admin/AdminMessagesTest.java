package org.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The admin console speaks English and Japanese alike: both bundles hold the same keys, and every key a
 * page names literally (and every enum-built one: kinds, statuses, diff aspects) is in them.
 */
class AdminMessagesTest {

  private static final Path I18N = Path.of("src/main/resources/i18n");
  private static final Pattern LITERAL_KEY = Pattern.compile("#\\{(admin\\.[a-z0-9.-]+)[}(]");
  /** A message key in the module's code: a refusal or a reason the pages show. */
  private static final Pattern CODE_KEY = Pattern.compile("\"(admin\\.[a-z0-9.-]+)\"");

  @Test
  void bothLanguagesHoldTheSameKeys() throws IOException {
    assertThat(load("admin_ja.properties").stringPropertyNames()).isEqualTo(load("admin.properties").stringPropertyNames());
  }

  @Test
  void everyKeyThePagesNameExists() throws IOException {
    Set<String> keys = load("admin.properties").stringPropertyNames();
    Set<String> named = new TreeSet<>();
    try (Stream<Path> pages = Files.list(Path.of("src/main/resources/templates/admin"))) {
      for (Path page : pages.toList()) {
        Matcher key = LITERAL_KEY.matcher(Files.readString(page));
        while (key.find()) {
          named.add(key.group(1));
        }
      }
    }
    try (Stream<Path> code = Files.walk(Path.of("src/main/java/org/madoguchi/admin"))) {
      for (Path file : code.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher key = CODE_KEY.matcher(Files.readString(file));
        while (key.find()) {
          named.add(key.group(1));
        }
      }
    }
    for (ResourceKind kind : ResourceKind.values()) {
      named.add("admin.kind." + kind.name());
    }
    for (ModelDeployments.Kind kind : ModelDeployments.Kind.values()) {
      named.add("admin.deployment.kind." + kind.name());
    }
    for (ModelDeployments.Status status : ModelDeployments.Status.values()) {
      named.add("admin.deployment.status." + status.name());
    }
    for (ModelDiff.FileStatus status : ModelDiff.FileStatus.values()) {
      named.add("admin.diff.status." + status.name());
    }
    for (ModelDiff.Aspect aspect : ModelDiff.Aspect.values()) {
      named.add("admin.diff.aspect." + aspect.name());
    }
    assertThat(named).isNotEmpty();
    assertThat(keys).containsAll(named);
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(I18N.resolve(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
