package org.madoguchi.fees.recovery;

import java.time.LocalDate;
import java.time.Month;
import org.springframework.modulith.NamedInterface;

/** A fiscal year of the facility: FY2026 runs from 1 April 2026 to 31 March 2027, facility days. */
@NamedInterface("api")
public record FiscalYear(int year) implements Comparable<FiscalYear> {

  /** The years the report and the cost entries accept. */
  public static final int FIRST = 2000;

  public static final int LAST = 2099;

  public static FiscalYear of(LocalDate day) {
    return new FiscalYear(day.getMonth().compareTo(Month.APRIL) >= 0 ? day.getYear() : day.getYear() - 1);
  }

  public LocalDate first() {
    return LocalDate.of(year, Month.APRIL, 1);
  }

  public LocalDate last() {
    return LocalDate.of(year + 1, Month.MARCH, 31);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first()) && !day.isAfter(last());
  }

  public FiscalYear previous() {
    return new FiscalYear(year - 1);
  }

  public FiscalYear next() {
    return new FiscalYear(year + 1);
  }

  @Override
  public int compareTo(FiscalYear other) {
    return Integer.compare(year, other.year);
  }

  @Override
  public String toString() {
    return "FY" + year;
  }
}
