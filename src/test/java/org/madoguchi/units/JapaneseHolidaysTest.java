package org.madoguchi.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madoguchi.units.JapanesePublicHolidays.PublicHoliday;

/**
 * The bundled public holiday data set ({@code holidays/japan.csv}), which {@link FacilityCalendar} reads,
 * checked against dates the Cabinet Office announced: equinox days, substitute holidays, the Emperor's
 * Birthday of each reign.
 */
class JapaneseHolidaysTest {

  private final JapanesePublicHolidays japan = JapanesePublicHolidays.bundled();

  @Test
  void theEquinoxDaysAreKnown() {
    assertThat(name(LocalDate.of(2025, 3, 20))).isEqualTo("春分の日");
    assertThat(name(LocalDate.of(2025, 9, 23))).isEqualTo("秋分の日");
    assertThat(name(LocalDate.of(2026, 3, 20))).isEqualTo("春分の日");
    assertThat(name(LocalDate.of(2026, 9, 23))).isEqualTo("秋分の日");
    assertThat(name(LocalDate.of(2027, 3, 21))).isEqualTo("春分の日");
    assertThat(name(LocalDate.of(2027, 9, 23))).isEqualTo("秋分の日");
    assertThat(japan.on(LocalDate.of(2027, 3, 21)).orElseThrow().englishName()).isEqualTo("Vernal Equinox Day");
  }

  @Test
  void substituteHolidaysFollowASundayHoliday() {
    assertThat(japan.on(LocalDate.of(2025, 2, 24))).as("for the Emperor's Birthday on a Sunday").isPresent();
    assertThat(japan.on(LocalDate.of(2025, 5, 6))).as("for Children's Day on a Monday after Sunday 4 May").isPresent();
    assertThat(japan.on(LocalDate.of(2025, 11, 24))).as("for Labour Thanksgiving Day on a Sunday").isPresent();
    assertThat(japan.on(LocalDate.of(2027, 3, 22))).as("for the vernal equinox on a Sunday").isPresent();
    assertThat(japan.on(LocalDate.of(2025, 2, 25))).isEmpty();
  }

  @Test
  void theEmperorsBirthdayIsThatOfTheReigningEmperor() {
    assertThat(name(LocalDate.of(2018, 12, 23))).isEqualTo("天皇誕生日");
    for (int year = 2019; year <= 2030; year++) {
      assertThat(japan.on(LocalDate.of(year, 12, 23))).as("23 December %d", year).isEmpty();
    }
    assertThat(japan.on(LocalDate.of(2019, 2, 23))).as("no birthday holiday in 2019").isEmpty();
    assertThat(name(LocalDate.of(2020, 2, 23))).isEqualTo("天皇誕生日");
    assertThat(name(LocalDate.of(2027, 2, 23))).isEqualTo("天皇誕生日");
  }

  @Test
  void everyYearHasItsSixteenNamedHolidaysAndNoneOnASundayWithoutASubstitute() {
    for (int year = 2020; year <= 2030; year++) {
      List<PublicHoliday> holidays = japan.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
      assertThat(holidays.stream().filter(h -> !h.name().contains("振替休日") && !h.name().equals("国民の休日")).count())
          .as("named holidays of %d", year)
          .isGreaterThanOrEqualTo(16);
      for (PublicHoliday holiday : holidays) {
        if (holiday.date().getDayOfWeek() == DayOfWeek.SUNDAY) {
          assertThat(holidays).as("a substitute after %s", holiday)
              .anySatisfy(h -> assertThat(h.date()).isAfter(holiday.date()).isBefore(holiday.date().plusDays(4)));
        }
      }
    }
  }

  @Test
  void theCoveredYearsAreExplicit() {
    assertThat(japan.firstYear()).isEqualTo(1970);
    assertThat(japan.lastYear()).isGreaterThanOrEqualTo(2050);
    assertThat(japan.covers(LocalDate.of(2050, Month.DECEMBER, 31))).isTrue();
    assertThat(japan.covers(LocalDate.of(japan.lastYear() + 1, 1, 2))).isFalse();
    assertThat(japan.covers(LocalDate.of(1969, 12, 31))).isFalse();
    assertThat(japan.between(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1))).isEmpty();
  }

  private String name(LocalDate day) {
    return japan.on(day).map(PublicHoliday::name).orElse(null);
  }
}
