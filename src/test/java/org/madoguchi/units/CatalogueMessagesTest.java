package org.madoguchi.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The catalogue's pages read in Japanese and English alike: both bundles hold the same keys. */
class CatalogueMessagesTest {

  @Test
  void japaneseAndEnglishHoldTheSameKeys() throws IOException {
    Properties english = load("i18n/catalogue.properties");
    Properties japanese = load("i18n/catalogue_ja.properties");
    assertThat(japanese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (WindowKind kind : WindowKind.values()) {
      assertThat(english).containsKey("catalogue.window.kind." + kind.code());
    }
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = CatalogueMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
