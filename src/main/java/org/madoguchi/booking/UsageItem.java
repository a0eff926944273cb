package org.madoguchi.booking;

import java.math.BigDecimal;
import org.springframework.modulith.NamedInterface;

/**
 * One chargeable line of recorded instrument use, as fee assessment sees it.
 *
 * @param usageItemId stable id (fee lines refer to it)
 * @param unitCode the support unit that delivered it
 * @param instrumentClass e.g. {@code cryo-em}; the fee schedule keys on it
 * @param itemKind {@code instrument-upkeep}, {@code operator-time}, {@code reagent} or {@code consumable}
 * @param description what it was (instrument name, reagent name...)
 * @param quantity hours or pieces
 * @param unitCostYen cost per hour or piece, integer yen
 */
@NamedInterface("api")
public record UsageItem(
    long usageItemId,
    String unitCode,
    String instrumentClass,
    String itemKind,
    String description,
    BigDecimal quantity,
    long unitCostYen) {}
