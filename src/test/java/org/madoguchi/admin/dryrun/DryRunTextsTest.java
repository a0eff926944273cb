package org.madoguchi.admin.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every explanation of the dry run exists in English and Japanese. */
class DryRunTextsTest {

  @Test
  void bothLanguagesHaveTheSameTexts() throws IOException {
    Properties english = load("i18n/admin-dryrun.properties");
    Properties japanese = load("i18n/admin-dryrun_ja.properties");

    assertThat(english).isNotEmpty();
    assertThat(japanese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStreamReader in =
        new InputStreamReader(DryRunTextsTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
