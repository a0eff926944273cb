package org.madoguchi.units;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.madoguchi.MadoguchiProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The days the facility is closed: Japanese public holidays ({@link JapanesePublicHolidays}, the bundled
 * data set) and the closures administrators add ({@code facility_closures}). Dates are in facility time
 * ({@code madoguchi.time-zone}). Weekends are not closures: the earliest-slot planner starts sessions on
 * working days only, a person choosing a slot may pick a weekend, and a facility closed on a Saturday adds it.
 *
 * <p>A day in a year the holiday data set does not cover counts as closed ({@link #isClosed}, {@link
 * #closedDates}): nothing is booked on a day whose holidays are unknown, until the data set is extended.
 */
@NamedInterface("api")
@Service
public class FacilityCalendar {

  /**
   * A closed day: a public holiday ({@code holidayName} its Japanese name, {@code description} its English
   * one, {@code closureId} null) or a closure an administrator added ({@code holidayName} null,
   * {@code description} the reason).
   */
  @NamedInterface("api")
  public record ClosedDay(LocalDate date, String holidayName, String description, Long closureId) {
    public boolean publicHoliday() {
      return holidayName != null;
    }

    /** The holiday's name in Japanese for a Japanese reader, else the English name or the closure's reason. */
    public String name(Locale locale) {
      return publicHoliday() && "ja".equals(locale.getLanguage()) ? holidayName : description;
    }
  }

  private final JapanesePublicHolidays holidays = JapanesePublicHolidays.bundled();
  private final JdbcClient jdbc;
  private final MadoguchiProperties properties;

  FacilityCalendar(JdbcClient jdbc, MadoguchiProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Whether the facility is closed on {@code day} (a date in facility time); closed too where holidays are unknown. */
  @Transactional(readOnly = true)
  public boolean isClosed(LocalDate day) {
    return !holidays.covers(day) || !closedDays(day, day).isEmpty();
  }

  /** Whether the public holidays of {@code day}'s year are known (see the class comment). */
  public boolean holidaysKnown(LocalDate day) {
    return holidays.covers(day);
  }

  /** The years the public holiday data set covers, e.g. {@code 1970-2050}. */
  public String holidayYears() {
    return holidays.firstYear() + "-" + holidays.lastYear();
  }

  /** The date in facility time at {@code instant}. */
  public LocalDate facilityDate(Instant instant) {
    return instant.atZone(properties.timeZone()).toLocalDate();
  }

  /** Every closed day in {@code [from, to]} (both facility-time dates), by date; holidays first on a day with both. */
  @Transactional(readOnly = true)
  public List<ClosedDay> closedDays(LocalDate from, LocalDate to) {
    List<ClosedDay> days = new ArrayList<>();
    for (JapanesePublicHolidays.PublicHoliday holiday : holidays.between(from, to)) {
      days.add(new ClosedDay(holiday.date(), holiday.name(), holiday.englishName(), null));
    }
    for (FacilityClosure closure : closuresBetween(from, to)) {
      days.add(new ClosedDay(closure.closedOn(), null, closure.reason(), closure.id()));
    }
    days.sort(Comparator.comparing(ClosedDay::date).thenComparing(day -> !day.publicHoliday()));
    return days;
  }

  /** The dates in {@code [from, to]} nothing may be booked on: closed days and days whose holidays are unknown. */
  @Transactional(readOnly = true)
  public Set<LocalDate> closedDates(LocalDate from, LocalDate to) {
    Set<LocalDate> dates = new TreeSet<>();
    closedDays(from, to).forEach(day -> dates.add(day.date()));
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (!holidays.covers(day)) {
        dates.add(day);
      }
    }
    return dates;
  }

  List<FacilityClosure> closuresBetween(LocalDate from, LocalDate to) {
    return jdbc.sql("select id, closed_on, reason from facility_closures where closed_on between ? and ? order by closed_on")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query((row, n) -> new FacilityClosure(row.getLong("id"), row.getDate("closed_on").toLocalDate(), row.getString("reason")))
        .list();
  }
}
