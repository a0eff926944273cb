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
  /** No day the session touches (facility time) is a public holiday or a facility closure. */
  CLOSED_DAY("closed-day"),
  /** Every day the session touches lies in the years the public holiday data set covers. */
  HOLIDAYS_UNKNOWN("holidays-unknown"),
  /** Only a reserved booking that has not started may be moved. */
  MOVABLE("movable"),
  /** Self-use: the instrument allows it. */
  SELF_USE_ALLOWED("self-use-allowed"),
  /** Self-use: the applicant holds a qualification for the instrument that was not revoked. */
  SELF_USE_QUALIFIED("self-use-qualified"),
  /** Self-use: the qualification has not lapsed for want of use. */
  SELF_USE_EXPIRED("self-use-expired"),
  /** Self-use: no more of the applicant's self-use sessions on the instrument that week than it allows. */
  SELF_USE_WEEKLY("self-use-weekly"),
  /** Self-use: the case's self-use hours on the instrument stay within its quota. */
  SELF_USE_QUOTA("self-use-quota"),
  /** The session ends by 1 January 2038 (UTC), the last moment the database's TIMESTAMP columns hold. */
  HORIZON("horizon"),
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
