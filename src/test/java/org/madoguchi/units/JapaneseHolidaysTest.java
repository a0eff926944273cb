package org.madoguchi.units;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Japan calendar of jollyday, which {@link FacilityCalendar} reads: what it knows, asserted on fixed
 * dates, and what it does not (the equinox days and most substitute holidays, which administrators add
 * as facility closures; the Emperor's Birthday moved to 23 February in 2020, which {@link FacilityCalendar}
 * corrects). When a new version of the library knows them, these tests say so.
 */
class JapaneseHolidaysTest {

  private final HolidayManager japan = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.JAPAN));

  private Set<LocalDate> holidays(int year) {
    return japan.getHolidays(Year.of(year)).stream().map(Holiday::getDate).collect(Collectors.toSet());
  }

  @Test
  void the2027HolidaysIncludeTheFixedAndTheMondayHolidays() {
    assertThat(holidays(2027)).contains(
        LocalDate.of(2027, 1, 1), // New Year's Day
        LocalDate.of(2027, 1, 11), // Coming of Age Day, second Monday of January
        LocalDate.of(2027, 2, 11), // National Foundation Day
        LocalDate.of(2027, 4, 29),
        LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 4), LocalDate.of(2027, 5, 5),
        LocalDate.of(2027, 7, 19), // Marine Day, third Monday of July
        LocalDate.of(2027, 8, 11),
        LocalDate.of(2027, 9, 20), // Respect for the Aged Day, third Monday of September
        LocalDate.of(2027, 10, 11), // Sports Day, second Monday of October
        LocalDate.of(2027, 11, 3), LocalDate.of(2027, 11, 23));
    assertThat(holidays(2027)).doesNotContain(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 12));
  }

  @Test
  void substituteAndCitizensHolidaysAreTheOnesTheLibraryComputes() {
    // Culture Day on a Sunday moves to Monday (2019-11-03 was a Sunday).
    assertThat(holidays(2019)).contains(LocalDate.of(2019, 11, 4));
    // No holiday of 2027 falls on a Sunday that the library knows, so it gives no substitute day in 2027.
    assertThat(holidays(2027)).hasSize(14);
  }

  @Test
  void whatTheLibraryDoesNotKnowIsLeftToFacilityClosures() {
    Set<LocalDate> known = holidays(2027);
    assertThat(known).as("vernal equinox (a Sunday) and its substitute Monday").doesNotContain(LocalDate.of(2027, 3, 21), LocalDate.of(2027, 3, 22));
    assertThat(known).as("autumnal equinox").doesNotContain(LocalDate.of(2027, 9, 23));
    assertThat(known).as("the Emperor's Birthday since 2020").doesNotContain(LocalDate.of(2027, 2, 23));
    assertThat(known).as("the Emperor's Birthday before 2020, still listed").contains(LocalDate.of(2027, 12, 23));
  }
}
