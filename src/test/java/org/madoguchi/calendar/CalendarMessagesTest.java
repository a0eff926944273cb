package org.madoguchi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The feeds' and pages' texts exist in Japanese and English, for every kind of feed and every booking state. */
class CalendarMessagesTest {

  @Test
  void bothLanguagesHaveTheSameKeysAndEveryFeedKindAndBookingStateHasItsText() throws IOException {
    Properties english = bundle("i18n/calendar.properties");
    Properties japanese = bundle("i18n/calendar_ja.properties");

    assertThat(japanese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (FeedKind kind : FeedKind.values()) {
      assertThat(english).containsKey("calendar.name." + kind);
    }
    for (String status : new String[] {"RESERVED", "COMPLETED", "CANCELLED", "NO_SHOW"}) {
      assertThat(english).containsKey("calendar.event.status." + status);
    }
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(CalendarMessagesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
