package org.madoguchi.units;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.modulith.NamedInterface;

/**
 * Japan's public holidays (national holidays, substitute holidays, citizens' holidays) from the data
 * set bundled as {@code holidays/japan.csv} (its source, version and date: {@code holidays/README.md}).
 * The data set covers whole years; for a date outside them it knows nothing, and says so through
 * {@link #covers(LocalDate)} rather than answering "no holiday".
 */
@NamedInterface("api")
public final class JapanesePublicHolidays {

  static final String RESOURCE = "/holidays/japan.csv";

  /** One holiday: its Japanese name as the law or the Cabinet Office gives it, and an English one. */
  @NamedInterface("api")
  public record PublicHoliday(LocalDate date, String name, String englishName) {}

  private static final JapanesePublicHolidays BUNDLED = read(RESOURCE);

  private final NavigableMap<LocalDate, PublicHoliday> byDate;
  private final int firstYear;
  private final int lastYear;

  private JapanesePublicHolidays(NavigableMap<LocalDate, PublicHoliday> byDate) {
    if (byDate.isEmpty()) {
      throw new IllegalStateException("the public holiday data set is empty");
    }
    this.byDate = byDate;
    this.firstYear = byDate.firstKey().getYear();
    this.lastYear = byDate.lastKey().getYear();
  }

  /** The data set bundled with the application. */
  public static JapanesePublicHolidays bundled() {
    return BUNDLED;
  }

  /** Whether the data set covers {@code day}'s year, so that no holiday on it means none. */
  public boolean covers(LocalDate day) {
    return day.getYear() >= firstYear && day.getYear() <= lastYear;
  }

  public int firstYear() {
    return firstYear;
  }

  public int lastYear() {
    return lastYear;
  }

  public Optional<PublicHoliday> on(LocalDate day) {
    return Optional.ofNullable(byDate.get(day));
  }

  /** The holidays in {@code [from, to]}, by date. */
  public List<PublicHoliday> between(LocalDate from, LocalDate to) {
    return from.isAfter(to) ? List.of() : List.copyOf(byDate.subMap(from, true, to, true).values());
  }

  static JapanesePublicHolidays read(String resource) {
    try (InputStream in = JapanesePublicHolidays.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing public holiday data set " + resource);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = lines.readLine();
      if (!"date,name,name_en".equals(header)) {
        throw new IllegalStateException(resource + " does not start with date,name,name_en");
      }
      NavigableMap<LocalDate, PublicHoliday> byDate = new TreeMap<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
          throw new IllegalStateException(resource + ": not three fields in " + line);
        }
        PublicHoliday holiday = new PublicHoliday(LocalDate.parse(fields[0]), fields[1], fields[2]);
        if (byDate.put(holiday.date(), holiday) != null) {
          throw new IllegalStateException(resource + ": two holidays on " + holiday.date());
        }
      }
      return new JapanesePublicHolidays(byDate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "Japanese public holidays " + firstYear + "-" + lastYear + " (" + byDate.size() + " days)";
  }
}
