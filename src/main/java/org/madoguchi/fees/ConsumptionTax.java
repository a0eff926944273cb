package org.madoguchi.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Consumption tax the way a qualified invoice (適格請求書) must compute it: the lines are totalled per tax
 * class, and the tax of each class is that total times its rate, rounded once with the configured mode.
 * Never the sum of per-line rounded taxes. Pure: no Spring, no database.
 */
public final class ConsumptionTax {

  /** An amount (integer yen, negative for a waiver or a credit) in a tax class. */
  public record Taxable(TaxClass taxClass, long amountYen) {
    public Taxable {
      Objects.requireNonNull(taxClass, "taxClass");
    }
  }

  /** The total of one tax class, its rate and its tax. */
  public record RateTotal(TaxClass taxClass, BigDecimal rate, long taxableYen, long taxYen) {}

  /** Every class's total, in {@link TaxClass} order, and the sums. Classes without lines are left out. */
  public record Breakdown(List<RateTotal> perRate, long subtotalYen, long taxYen) {

    public long totalYen() {
      return Math.addExact(subtotalYen, taxYen);
    }
  }

  private final BigDecimal standardRate;
  private final BigDecimal reducedRate;
  private final RoundingMode rounding;

  public ConsumptionTax(BigDecimal standardRate, BigDecimal reducedRate, RoundingMode rounding) {
    this.standardRate = checkedRate("standard", standardRate);
    this.reducedRate = checkedRate("reduced", reducedRate);
    if (rounding != RoundingMode.FLOOR && rounding != RoundingMode.HALF_UP && rounding != RoundingMode.CEILING) {
      throw new IllegalArgumentException("tax rounding must be FLOOR, HALF_UP or CEILING, got " + rounding);
    }
    this.rounding = rounding;
  }

  public ConsumptionTax(FeesProperties properties) {
    this(properties.consumptionTaxRate(), properties.reducedTaxRate(), properties.taxRounding());
  }

  public BigDecimal rateOf(TaxClass taxClass) {
    return switch (taxClass) {
      case STANDARD -> standardRate;
      case REDUCED -> reducedRate;
      case ZERO_RATED, EXEMPT -> BigDecimal.ZERO;
    };
  }

  public Breakdown of(List<Taxable> lines) {
    Map<TaxClass, Long> totals = new EnumMap<>(TaxClass.class);
    for (Taxable line : lines) {
      totals.merge(line.taxClass(), line.amountYen(), Math::addExact);
    }
    List<RateTotal> perRate = new ArrayList<>(totals.size());
    long subtotal = 0;
    long tax = 0;
    for (Map.Entry<TaxClass, Long> entry : totals.entrySet()) {
      BigDecimal rate = rateOf(entry.getKey());
      long taxable = entry.getValue();
      long classTax = BigDecimal.valueOf(taxable).multiply(rate).setScale(0, rounding).longValueExact();
      perRate.add(new RateTotal(entry.getKey(), rate, taxable, classTax));
      subtotal = Math.addExact(subtotal, taxable);
      tax = Math.addExact(tax, classTax);
    }
    return new Breakdown(List.copyOf(perRate), subtotal, tax);
  }

  private static BigDecimal checkedRate(String name, BigDecimal rate) {
    if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(name + " consumption tax rate must be between 0 and 1, got " + rate);
    }
    return rate;
  }
}
