package org.madoguchi.cases;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEventType;
import static org.assertj.core.api.Assertions.assertThat;

/** Both bundles of the cases feature say every event type and every kind of actor, each in its own language. */
class CaseMessagesTest {

  private final Properties english = bundle("i18n/cases.properties");
  private final Properties japanese = bundle("i18n/cases_ja.properties");

  @Test
  void everyEventTypeHasALabelInJapaneseAndEnglish() {
    for (CaseEventType type : CaseEventType.values()) {
      assertTranslated(type.messageKey());
    }
  }

  @Test
  void everyEventWithParametersHasADetailPatternUsingOnlyThoseParameters() {
    for (CaseEventType type : CaseEventType.values()) {
      RecordComponent[] components = type.eventClass().getRecordComponents();
      boolean shown = Arrays.stream(components).anyMatch(c -> !c.getName().equals("note"));
      String key = type.messageKey() + ".detail";
      for (Properties bundle : new Properties[] {english, japanese}) {
        if (!shown) {
          assertThat(bundle.getProperty(key)).as(key).isNull();
          continue;
        }
        assertThat(bundle.getProperty(key)).as(key).isNotBlank();
        assertThat(new MessageFormat(bundle.getProperty(key)).getFormatsByArgumentIndex().length)
            .as(key + " refers to parameters " + type.eventClass().getSimpleName() + " does not have")
            .isLessThanOrEqualTo(components.length);
      }
    }
  }

  @Test
  void everyKindOfActorIsNamedInJapaneseAndEnglish() {
    for (Actor.Kind kind : Actor.Kind.values()) {
      assertTranslated(kind.messageKey());
    }
    assertTranslated(Actor.Kind.STAFF.messageKey() + ".named");
  }

  private void assertTranslated(String key) {
    assertThat(english.getProperty(key)).as(key + " (en)").isNotBlank().isNotEqualTo(key);
    assertThat(japanese.getProperty(key)).as(key + " (ja)").isNotBlank().isNotEqualTo(key);
    assertThat(japanese.getProperty(key)).as(key + ": ja differs from en").isNotEqualTo(english.getProperty(key));
  }

  private static Properties bundle(String resource) {
    Properties properties = new Properties();
    try (Reader in =
        new InputStreamReader(CaseMessagesTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }
}
