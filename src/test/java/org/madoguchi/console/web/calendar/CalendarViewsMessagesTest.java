package org.madoguchi.console.web.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.madoguchi.booking.BookingRule;

/** The calendars' texts, and the booking rules a move can break, exist in Japanese and English. */
class CalendarViewsMessagesTest {

  @Test
  void bothLanguagesHaveTheSameKeysAndEveryEventKindHasItsTitle() throws IOException {
    Properties english = bundle("i18n/calendar-views.properties");
    Properties japanese = bundle("i18n/calendar-views_ja.properties");

    assertThat(japanese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String kind : new String[] {"booking", "maintenance", "downtime", "holiday", "closure"}) {
      assertThat(english).containsKey("calendar-views.event." + kind);
    }
  }

  @Test
  void everyBookingRuleAndRangeProblemIsExplainedInBothLanguages() throws IOException {
    for (String suffix : new String[] {"", "_ja"}) {
      // The rules are explained in the bundle of the feature that checks them.
      Properties rules = new Properties();
      for (String bundle : new String[] {"i18n/booking", "i18n/closed-days", "i18n/self-use"}) {
        rules.putAll(bundle(bundle + suffix + ".properties"));
      }
      for (BookingRule rule : BookingRule.values()) {
        assertThat(rules).as("language %s", suffix).containsKey("booking.rule." + rule.code());
      }
      assertThat(bundle("i18n/booking" + suffix + ".properties")).as("language %s", suffix)
          .containsKeys("booking.calendar.range.missing", "booking.calendar.range.order", "booking.calendar.range.too-long");
    }
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new InputStreamReader(
        CalendarViewsMessagesTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
