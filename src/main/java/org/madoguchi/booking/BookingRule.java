package org.madoguchi.booking;

import org.springframework.modulith.NamedInterface;

/**
 * A rule a slot chosen by a person must meet; {@link #code()} is what the API names, {@link #messageKey()}
 * the explanation in the booking bundle.
 */
@NamedInterface("api")
public enum BookingRule {
  /** Start and end given, end after start. */
  PERIOD("period"),
  /** Start and end on the instrument's grid in facility time. */
  GRID("grid"),
  /** Start not before now. */
  PAST("past"),
  /** Start at least the instrument's lead time ahead. */
  LEAD_TIME("lead-time"),
  MIN_LENGTH("min-length"),
  MAX_LENGTH("max-length"),
  /** No overlap with a maintenance window of the instrument. */
  MAINTENANCE("maintenance"),
  UNKNOWN_INSTRUMENT("unknown-instrument"),
  /** The unit's latest decision on the case is to accept it. */
  CASE_ACCEPTED("case-accepted"),
  /** The instrument belongs to the unit the case is booking for. */
  INSTRUMENT_OF_UNIT("instrument-of-unit"),
  /** The instrument is not retired. */
  INSTRUMENT_ACTIVE("instrument-active"),
  /** A proposal offers one to three slots. */
  SLOT_COUNT("slot-count"),
  /** No booking holds any part of a proposed slot when it is proposed. */
  SLOT_FREE("slot-free");

  private final String code;

  BookingRule(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  String messageKey() {
    return "booking.rule." + code;
  }
}
