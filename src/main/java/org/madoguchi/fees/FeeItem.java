package org.madoguchi.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.booking.UsageItem;
import org.madoguchi.cases.CaseSummary;

/**
 * One item of recorded use as the fee schedule (DMN {@code fee-schedule}) sees it: the element of the
 * process variable {@code feeItems}. {@code slotReused} is true for a late cancellation or no-show whose
 * freed time another booking took: the schedule waives it. {@code usedOn} is the facility-local day of the
 * service, an ISO date ({@code 2027-04-01}) in the variable, which the schedule reads as
 * {@code date(feeItem.usedOn)} to apply the rates in effect that day; null only in hand-made items.
 */
record FeeItem(
    long usageItemId,
    String applicantCategory,
    String instrumentClass,
    String itemKind,
    boolean fastTrack,
    BigDecimal quantity,
    long unitCostYen,
    String description,
    boolean slotReused,
    LocalDate usedOn) {

  FeeItem(
      long usageItemId, String applicantCategory, String instrumentClass, String itemKind, boolean fastTrack,
      BigDecimal quantity, long unitCostYen, String description) {
    this(usageItemId, applicantCategory, instrumentClass, itemKind, fastTrack, quantity, unitCostYen, description, false, null);
  }

  static FeeItem of(CaseSummary supportCase, UsageItem usage) {
    return new FeeItem(
        usage.usageItemId(),
        supportCase.applicantCategory(),
        usage.instrumentClass(),
        usage.itemKind(),
        supportCase.fastTrack(),
        usage.quantity(),
        usage.unitCostYen(),
        usage.description(),
        usage.slotReused(),
        usage.usedOn());
  }

  static List<FeeItem> of(CaseSummary supportCase, List<UsageItem> usage) {
    return usage.stream().map(item -> of(supportCase, item)).toList();
  }

  /** A small map with numbers as numbers (whole quantities as integers), for the engine. */
  Map<String, Object> toVariables() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("usageItemId", usageItemId);
    map.put("applicantCategory", applicantCategory);
    map.put("instrumentClass", instrumentClass);
    map.put("itemKind", itemKind);
    map.put("fastTrack", fastTrack);
    map.put("quantity", plainNumber(quantity));
    map.put("unitCostYen", unitCostYen);
    map.put("description", description);
    map.put("slotReused", slotReused);
    map.put("usedOn", usedOn == null ? null : usedOn.toString());
    return map;
  }

  /** Reads an element of {@code feeItems} as the engine hands it back (numbers as Integer/Long/Double). */
  static FeeItem fromVariables(int index, Map<String, Object> map) {
    if (map == null) {
      throw new FeeInputException("feeItems[" + index + "] is missing");
    }
    return new FeeItem(
        FeeVariables.requiredNumber(map, "usageItemId", "feeItems", index).longValueExact(),
        FeeVariables.text(map, "applicantCategory"),
        FeeVariables.text(map, "instrumentClass"),
        FeeVariables.requiredText(map, "itemKind", "feeItems", index),
        Boolean.TRUE.equals(map.get("fastTrack")),
        FeeVariables.requiredNumber(map, "quantity", "feeItems", index),
        FeeVariables.requiredNumber(map, "unitCostYen", "feeItems", index).longValueExact(),
        FeeVariables.text(map, "description"),
        Boolean.TRUE.equals(map.get("slotReused")),
        FeeVariables.date(map, "usedOn", "feeItems", index));
  }

  private static Number plainNumber(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    // Not a ternary: that would promote the long to a double.
    if (stripped.scale() <= 0) {
      return Long.valueOf(stripped.longValueExact());
    }
    return Double.valueOf(stripped.doubleValue());
  }
}
