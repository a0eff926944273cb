package org.madoguchi.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices fee items with the rates the fee schedule chose, the Japanese invoice way: each line is
 * {@code floor(quantity x unit cost x charge rate)} yen; consumption tax is computed once, on the
 * taxable subtotal, and truncated; total = subtotal + tax. Pure: no Spring, no database.
 */
final class FeeCalculator {

  /** One priced line, in the order of the fee items. */
  record Line(int lineNo, FeeItem item, FeeRule rule, long amountYen) {}

  /** Every fee line is a taxable service here; there are no tax-exempt lines. */
  record Assessment(List<Line> lines, long subtotalYen, BigDecimal taxRate, long taxYen, long totalYen) {

    boolean isFree() {
      return totalYen == 0;
    }
  }

  private final BigDecimal taxRate;

  FeeCalculator(BigDecimal taxRate) {
    if (taxRate == null || taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("consumption tax rate must be between 0 and 1, got " + taxRate);
    }
    this.taxRate = taxRate;
  }

  Assessment assess(List<FeeItem> items, List<FeeRule> rules) {
    if (items == null) {
      throw new FeeInputException("feeItems is missing");
    }
    if (rules == null) {
      throw new FeeInputException("feeRules is missing");
    }
    if (items.size() != rules.size()) {
      throw new FeeInputException(
          "feeItems has " + items.size() + " entries but feeRules has " + rules.size()
              + ": the fee schedule must give exactly one rule per fee item, in the same order");
    }
    List<Line> lines = new ArrayList<>(items.size());
    long subtotal = 0;
    for (int i = 0; i < items.size(); i++) {
      FeeItem item = items.get(i);
      FeeRule rule = rules.get(i);
      check(i, item, rule);
      long amount = lineAmount(item, rule);
      lines.add(new Line(i + 1, item, rule, amount));
      subtotal = Math.addExact(subtotal, amount);
    }
    long tax = new BigDecimal(subtotal).multiply(taxRate).setScale(0, RoundingMode.FLOOR).longValueExact();
    return new Assessment(List.copyOf(lines), subtotal, taxRate, tax, Math.addExact(subtotal, tax));
  }

  private static long lineAmount(FeeItem item, FeeRule rule) {
    return amount(item.quantity(), item.unitCostYen(), rule.chargeRate());
  }

  /** {@code floor(quantity x unit price x rate)} yen: how every priced line is worked out. */
  static long amount(BigDecimal quantity, long unitPriceYen, BigDecimal chargeRate) {
    return quantity.multiply(BigDecimal.valueOf(unitPriceYen)).multiply(chargeRate).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  private static void check(int index, FeeItem item, FeeRule rule) {
    if (item == null) {
      throw new FeeInputException("feeItems[" + index + "] is missing");
    }
    if (rule == null) {
      throw new FeeInputException("feeRules[" + index + "] is missing: no fee-schedule rule matched feeItems[" + index + "]");
    }
    if (item.quantity() == null || item.quantity().signum() < 0) {
      throw new FeeInputException("feeItems[" + index + "].quantity must be zero or more, got " + item.quantity());
    }
    if (item.unitCostYen() < 0) {
      throw new FeeInputException("feeItems[" + index + "].unitCostYen must be zero or more, got " + item.unitCostYen());
    }
    BigDecimal rate = rule.chargeRate();
    if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
      throw new FeeInputException("feeRules[" + index + "].chargeRate must be between 0 and 1, got " + rate);
    }
    if (rule.ruleName() == null || rule.ruleName().isBlank()) {
      throw new FeeInputException("feeRules[" + index + "].ruleName is missing");
    }
  }
}
