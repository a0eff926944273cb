package org.madoguchi.console.web.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.fees.recovery.FiscalYear;

/** The fiscal year a page asks for ({@code year=2026}), and the years its selector offers. */
final class FiscalYears {

  /** Years back from the current one that the selector offers. */
  private static final int OFFERED_BACK = 9;

  private FiscalYears() {}

  /** The year named, or {@code current} when none is; a year that is not a number from 2000 to 2099 is a 400. */
  static FiscalYear chosen(String year, FiscalYear current) {
    if (year == null || year.isBlank()) {
      return current;
    }
    try {
      int value = Integer.parseInt(year.strip());
      if (value >= FiscalYear.FIRST && value <= FiscalYear.LAST) {
        return new FiscalYear(value);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw InvalidRequestException.of("year", "recovery.year.invalid", FiscalYear.FIRST, FiscalYear.LAST);
  }

  /** Next year down to nine years back, and the chosen year wherever it lies. */
  static List<FiscalYear> offered(FiscalYear chosen, FiscalYear current) {
    List<FiscalYear> years = new ArrayList<>();
    for (FiscalYear y = current.next(); y.year() >= Math.max(FiscalYear.FIRST, current.year() - OFFERED_BACK); y = y.previous()) {
      years.add(y);
    }
    if (!years.contains(chosen)) {
      years.add(chosen);
      years.sort(Comparator.reverseOrder());
    }
    return years;
  }
}
