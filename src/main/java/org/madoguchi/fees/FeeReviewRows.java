package org.madoguchi.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The statement as finance reviews it in Tasklist (variable {@code feeReview}): each line with its usage
 * record, quantity, unit cost, rate, rule, waiver and amount, and the totals, already worded and in yen
 * with separators, because a form can only show variables as they are.
 */
final class FeeReviewRows {

  private FeeReviewRows() {}

  static Map<String, Object> of(FeeCalculator.Assessment assessment) {
    List<Map<String, Object>> lines = assessment.lines().stream().map(FeeReviewRows::row).toList();
    return Map.of(
        "lines", lines,
        "subtotal", yen(assessment.subtotalYen()),
        "tax", yen(assessment.taxYen()),
        "taxRate", percent(assessment.taxRate()),
        "total", yen(assessment.totalYen()));
  }

  private static Map<String, Object> row(FeeCalculator.Line line) {
    FeeItem item = line.item();
    BigDecimal rate = line.rule().chargeRate();
    return Map.of(
        "no", line.lineNo(),
        "usage", usage(item),
        "quantity", item.quantity().stripTrailingZeros().toPlainString(),
        "unitCost", yen(item.unitCostYen()),
        "rate", percent(rate),
        "rule", line.rule().ruleName(),
        "waiver", rate.compareTo(BigDecimal.ONE) < 0 ? percent(BigDecimal.ONE.subtract(rate)) : "–",
        "amount", yen(line.amountYen()));
  }

  /** The usage record a line prices, as finance and the fee-table preview name it. */
  static String usage(FeeItem item) {
    return "#" + item.usageItemId() + " " + (item.description() == null ? "" : item.description())
        + " (" + item.itemKind() + (item.instrumentClass() == null ? "" : ", " + item.instrumentClass()) + ")";
  }

  /** Integer yen as ¥1,234,567. */
  static String yen(long amount) {
    return String.format("¥%,d", amount);
  }

  private static String percent(BigDecimal fraction) {
    return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}
