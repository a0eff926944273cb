package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madoguchi.units.InstrumentBookingRules;

class SlotRulesTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static InstrumentBookingRules rules(int granularityMinutes, int minMinutes, int maxMinutes, int leadHours) {
    return new InstrumentBookingRules(
        Duration.ofMinutes(granularityMinutes), Duration.ofMinutes(minMinutes), Duration.ofMinutes(maxMinutes),
        Duration.ofHours(leadHours), Duration.ofHours(48));
  }

  private static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  private static List<BookingRule> broken(List<BookingRefusal> refusals) {
    return refusals.stream().map(BookingRefusal::rule).toList();
  }

  private final SlotRules tokyo = new SlotRules(TOKYO);
  private final Instant now = at("2026-03-02T08:00", TOKYO);

  @Test
  void aSlotOnTheGridWithinTheLimitsBreaksNothing() {
    assertThat(tokyo.check(rules(30, 30, 240, 24), now, at("2026-03-04T10:30", TOKYO), at("2026-03-04T12:00", TOKYO)))
        .isEmpty();
    assertThat(SlotRules.cells(at("2026-03-04T10:30", TOKYO), at("2026-03-04T12:00", TOKYO))).isEqualTo(3);
  }

  @Test
  void eachBrokenRuleIsNamedWithItsField() {
    InstrumentBookingRules hourly = rules(60, 60, 180, 24);
    assertThat(tokyo.check(hourly, now, at("2026-03-04T10:30", TOKYO), at("2026-03-04T12:00", TOKYO)))
        .singleElement().satisfies(r -> {
          assertThat(r.rule()).isEqualTo(BookingRule.GRID);
          assertThat(r.field()).isEqualTo("start");
          assertThat(r.arguments()).containsExactly("2026-03-04 10:30 (Asia/Tokyo)", "60");
        });
    assertThat(tokyo.check(hourly, now, at("2026-03-04T10:00", TOKYO), at("2026-03-04T10:59", TOKYO)))
        .extracting(BookingRefusal::rule, BookingRefusal::field)
        .containsExactly(
            tuple(BookingRule.GRID, "end"),
            tuple(BookingRule.MIN_LENGTH, "end"));
    assertThat(broken(tokyo.check(hourly, now, at("2026-03-01T10:00", TOKYO), at("2026-03-01T11:00", TOKYO))))
        .containsExactly(BookingRule.PAST);
    assertThat(broken(tokyo.check(hourly, now, at("2026-03-03T07:00", TOKYO), at("2026-03-03T08:00", TOKYO))))
        .as("23 h ahead, 24 h needed").containsExactly(BookingRule.LEAD_TIME);
    assertThat(tokyo.check(hourly, now, at("2026-03-03T08:00", TOKYO), at("2026-03-03T09:00", TOKYO)))
        .as("exactly the lead time ahead").isEmpty();
    assertThat(broken(tokyo.check(hourly, now, at("2026-03-04T10:00", TOKYO), at("2026-03-04T14:00", TOKYO))))
        .containsExactly(BookingRule.MAX_LENGTH);
    assertThat(tokyo.check(hourly, now, at("2026-03-04T10:00", TOKYO), at("2026-03-04T10:00", TOKYO)))
        .extracting(BookingRefusal::rule, BookingRefusal::field)
        .containsExactly(tuple(BookingRule.PERIOD, "end"));
    assertThat(tokyo.check(hourly, now, null, at("2026-03-04T10:00", TOKYO)))
        .extracting(BookingRefusal::field).containsExactly("start");
    assertThat(tokyo.check(hourly, now, at("2038-01-01T08:00", TOKYO), at("2038-01-01T10:00", TOKYO)))
        .as("past what the database's TIMESTAMP columns hold")
        .extracting(BookingRefusal::rule, BookingRefusal::field).containsExactly(tuple(BookingRule.HORIZON, "end"));
    assertThat(tokyo.check(hourly, now, at("2038-01-01T07:00", TOKYO), at("2038-01-01T09:00", TOKYO)))
        .as("ending at the last moment it holds").isEmpty();
  }

  @Test
  void aLocalGridPointOffTheThirtyMinuteCellsIsOffTheGrid() {
    // Asia/Kathmandu is UTC+05:45: its local :00 is no boundary of a booking_slots cell.
    ZoneId zone = ZoneId.of("Asia/Kathmandu");
    SlotRules kathmandu = new SlotRules(zone);
    assertThat(broken(kathmandu.check(rules(30, 30, 240, 0), now, at("2026-03-04T10:00", zone), at("2026-03-04T11:00", zone))))
        .containsExactly(BookingRule.GRID, BookingRule.GRID);
  }

  // Europe/Berlin: on 2027-03-28 clocks jump from 02:00 CET to 03:00 CEST; on 2027-10-31 from 03:00
  // CEST back to 02:00 CET.

  @Test
  void theGridIsWallClockTimeOnEitherSideOfTheSpringSwitch() {
    SlotRules berlin = new SlotRules(BERLIN);
    InstrumentBookingRules twoHourly = rules(120, 60, 600, 0);
    Instant clock = at("2027-03-20T00:00", BERLIN);
    // 00:00 CET is 23:00 UTC, 04:00 CEST is 02:00 UTC: both on a two-hour wall-clock grid.
    assertThat(berlin.check(twoHourly, clock, at("2027-03-28T00:00", BERLIN), at("2027-03-28T04:00", BERLIN)))
        .as("00:00 CET to 04:00 CEST: three real hours, a multiple of no grid step, yet both ends on the grid")
        .isEmpty();
    assertThat(broken(berlin.check(twoHourly, clock, at("2027-03-28T03:00", BERLIN), at("2027-03-28T04:00", BERLIN))))
        .as("03:00 CEST is 01:00 UTC, on a UTC two-hour grid, but not on the wall-clock grid")
        .containsExactly(BookingRule.GRID);
  }

  @Test
  void aTwoHourSessionOverTheMissingHourIsTwoHoursLong() {
    SlotRules berlin = new SlotRules(BERLIN);
    InstrumentBookingRules atMostTwoHours = rules(60, 60, 120, 0);
    Instant clock = at("2027-03-20T00:00", BERLIN);
    Instant start = at("2027-03-28T01:00", BERLIN);
    Instant end = at("2027-03-28T04:00", BERLIN);
    assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(2));
    assertThat(berlin.check(atMostTwoHours, clock, start, end)).as("three wall-clock hours, two real ones").isEmpty();
    assertThat(SlotRules.cells(start, end)).isEqualTo(4);
    assertThat(berlin.check(atMostTwoHours, clock, start, at("2027-03-28T05:00", BERLIN)))
        .singleElement().satisfies(r -> {
          assertThat(r.rule()).isEqualTo(BookingRule.MAX_LENGTH);
          assertThat(r.arguments()).containsExactly("180", "120");
        });
  }

  @Test
  void leadTimeIsRealHoursAcrossTheSwitch() {
    SlotRules berlin = new SlotRules(BERLIN);
    InstrumentBookingRules dayAhead = rules(60, 60, 600, 24);
    Instant clock = at("2027-03-27T02:30", BERLIN);
    // 03:00 CEST on the 28th is 24.5 wall-clock hours but 23.5 real hours after the clock.
    assertThat(broken(berlin.check(dayAhead, clock, at("2027-03-28T03:00", BERLIN), at("2027-03-28T04:00", BERLIN))))
        .containsExactly(BookingRule.LEAD_TIME);
    assertThat(berlin.check(dayAhead, clock, at("2027-03-28T04:00", BERLIN), at("2027-03-28T05:00", BERLIN))).isEmpty();
  }

  @Test
  void theRepeatedHourOfTheAutumnSwitchHasTwoGridPoints() {
    SlotRules berlin = new SlotRules(BERLIN);
    InstrumentBookingRules hourly = rules(60, 60, 600, 0);
    Instant clock = at("2027-10-20T00:00", BERLIN);
    Instant firstTwoOClock = LocalDateTime.parse("2027-10-31T02:00").atZone(BERLIN).withEarlierOffsetAtOverlap().toInstant();
    Instant secondTwoOClock = LocalDateTime.parse("2027-10-31T02:00").atZone(BERLIN).withLaterOffsetAtOverlap().toInstant();
    assertThat(Duration.between(firstTwoOClock, secondTwoOClock)).isEqualTo(Duration.ofHours(1));
    assertThat(berlin.check(hourly, clock, firstTwoOClock, secondTwoOClock))
        .as("02:00 CEST to 02:00 CET: one real hour, zero on the wall clock").isEmpty();
  }

  @Test
  void newYorkSpringForwardAlsoUsesLocalTime() {
    SlotRules newYork = new SlotRules(NEW_YORK);
    // 2027-03-14: 02:00 EST jumps to 03:00 EDT.
    Instant clock = at("2027-03-01T00:00", NEW_YORK);
    Instant start = at("2027-03-14T01:00", NEW_YORK);
    Instant end = at("2027-03-14T04:00", NEW_YORK);
    assertThat(newYork.check(rules(60, 60, 120, 0), clock, start, end)).isEmpty();
    assertThat(newYork.local(end)).isEqualTo("2027-03-14 04:00 (America/New_York)");
  }
}
