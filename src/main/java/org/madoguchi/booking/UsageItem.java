package org.madoguchi.booking;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * One chargeable line of recorded instrument use, as fee assessment sees it.
 *
 * @param usageItemId stable id (fee lines refer to it)
 * @param unitCode the support unit that delivered it
 * @param instrumentClass e.g. {@code cryo-em}; the fee schedule keys on it
 * @param itemKind {@code instrument-upkeep}, {@code operator-time}, {@code operator-overtime} (operator hours past
 *     the booked length), {@code reagent} or {@code consumable}, or {@code late-cancellation} and {@code no-show}
 *     for a session that did not take place
 * @param description what it was (instrument name, reagent name...)
 * @param quantity hours or pieces
 * @param unitCostYen cost per hour or piece, integer yen
 * @param slotReused for a late cancellation or no-show: another booking took (part of) the freed time
 * @param usedOn the facility-local day of the service: the session's day, or the booked day of a late
 *     cancellation or no-show; the fee table's rates apply by it
 */
@NamedInterface("api")
public record UsageItem(
    long usageItemId,
    String unitCode,
    String instrumentClass,
    String itemKind,
    String description,
    BigDecimal quantity,
    long unitCostYen,
    boolean slotReused,
    LocalDate usedOn) {

  /** A line of a recorded session. */
  public UsageItem(
      long usageItemId, String unitCode, String instrumentClass, String itemKind, String description, BigDecimal quantity,
      long unitCostYen, LocalDate usedOn) {
    this(usageItemId, unitCode, instrumentClass, itemKind, description, quantity, unitCostYen, false, usedOn);
  }
}
