package org.madoguchi.booking;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an operator's hour costs the facility: {@code madoguchi.fees.operator-hourly-yen} within the booked
 * session, times {@code madoguchi.fees.overtime-premium} past it (default 1.25, the Labour Standards Act's
 * minimum overtime premium). The premium is part of the cost, like the hourly rate, so it is priced into
 * the usage line when the session is recorded; the fee schedule then only decides the share the applicant
 * pays (0..1), as for every other item.
 */
record OperatorCost(long hourlyYen, BigDecimal overtimePremium) {

  OperatorCost {
    if (hourlyYen < 0) {
      throw new IllegalArgumentException("madoguchi.fees.operator-hourly-yen must be zero or more, got " + hourlyYen);
    }
    if (overtimePremium == null || overtimePremium.compareTo(BigDecimal.ONE) < 0) {
      throw new IllegalArgumentException("madoguchi.fees.overtime-premium must be 1 or more, got " + overtimePremium);
    }
  }

  /** Whole yen, half up (wage calculation rounds fractions of a yen half up). */
  long overtimeHourlyYen() {
    return BigDecimal.valueOf(hourlyYen).multiply(overtimePremium).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
