package org.madoguchi.units;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.madoguchi.MadoguchiProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The days the facility is closed: Japanese public holidays, as the jollyday library's Japan calendar
 * knows them, and the closures administrators add ({@code facility_closures}). Dates are in facility
 * time ({@code madoguchi.time-zone}). Weekends are not closures: whether an instrument runs then is its
 * own rule.
 *
 * <p>The library (1.5.6) lacks the equinox days (set each year by the Cabinet) and most substitute
 * holidays: administrators add those as closures. It still lists the Emperor's Birthday on 23 December
 * after 2018, which the facility would have no way to reopen, so that one rule is corrected here: from
 * 2019 the day is 23 February (none in 2019).
 */
@NamedInterface("api")
@Service
public class FacilityCalendar {

  /**
   * A closed day: a public holiday ({@code holidayKey} is jollyday's key, e.g. {@code NEW_YEAR}, and
   * {@code closureId} null) or a closure an administrator added ({@code holidayKey} null).
   */
  @NamedInterface("api")
  public record ClosedDay(LocalDate date, String holidayKey, String description, Long closureId) {
    public boolean publicHoliday() {
      return holidayKey != null;
    }
  }

  private static final String EMPERORS_BIRTHDAY = "EMPERORS_BIRTHDAY";
  /** The last year of 23 December as the Emperor's Birthday (the Heisei era ended in April 2019). */
  private static final int LAST_DECEMBER_BIRTHDAY = 2018;
  /** The first year of 23 February as the Emperor's Birthday. */
  private static final int NEW_EMPERORS_BIRTHDAY_FROM = 2020;

  private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.JAPAN));
  private final JdbcClient jdbc;
  private final MadoguchiProperties properties;

  FacilityCalendar(JdbcClient jdbc, MadoguchiProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Whether the facility is closed on {@code day} (a date in facility time). */
  @Transactional(readOnly = true)
  public boolean isClosed(LocalDate day) {
    return !publicHolidays(day, day).isEmpty() || !closuresBetween(day, day).isEmpty();
  }

  /** The date in facility time at {@code instant}. */
  public LocalDate facilityDate(Instant instant) {
    return instant.atZone(properties.timeZone()).toLocalDate();
  }

  /** Every closed day in {@code [from, to]} (both facility-time dates), by date; holidays first on a day with both. */
  @Transactional(readOnly = true)
  public List<ClosedDay> closedDays(LocalDate from, LocalDate to) {
    List<ClosedDay> days = new ArrayList<>();
    days.addAll(publicHolidays(from, to));
    for (FacilityClosure closure : closuresBetween(from, to)) {
      days.add(new ClosedDay(closure.closedOn(), null, closure.reason(), closure.id()));
    }
    days.sort(Comparator.comparing(ClosedDay::date).thenComparing(day -> !day.publicHoliday()));
    return days;
  }

  private List<ClosedDay> publicHolidays(LocalDate from, LocalDate to) {
    List<ClosedDay> days = new ArrayList<>();
    for (Holiday holiday : holidays.getHolidays(from, to)) {
      if (!isEmperorsBirthdayOfAnotherReign(holiday)) {
        days.add(new ClosedDay(holiday.getDate(), holiday.getPropertiesKey(), holiday.getDescription(Locale.ENGLISH), null));
      }
    }
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      LocalDate birthday = LocalDate.of(year, 2, 23);
      if (year >= NEW_EMPERORS_BIRTHDAY_FROM && !birthday.isBefore(from) && !birthday.isAfter(to)) {
        days.add(new ClosedDay(birthday, EMPERORS_BIRTHDAY, "Emperor's Birthday", null));
      }
    }
    return days;
  }

  private static boolean isEmperorsBirthdayOfAnotherReign(Holiday holiday) {
    return EMPERORS_BIRTHDAY.equals(holiday.getPropertiesKey()) && holiday.getDate().getYear() > LAST_DECEMBER_BIRTHDAY;
  }

  List<FacilityClosure> closuresBetween(LocalDate from, LocalDate to) {
    return jdbc.sql("select id, closed_on, reason from facility_closures where closed_on between ? and ? order by closed_on")
        .params(Date.valueOf(from), Date.valueOf(to))
        .query((row, n) -> new FacilityClosure(row.getLong("id"), row.getDate("closed_on").toLocalDate(), row.getString("reason")))
        .list();
  }
}
