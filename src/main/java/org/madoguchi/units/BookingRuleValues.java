package org.madoguchi.units;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.common.web.InvalidRequestException;
import org.springframework.modulith.NamedInterface;

/**
 * An instrument's booking rules in the units its page edits them in, as {@link InstrumentBookingRules}
 * holds them. The limits are the database's checks (V185) and what keeps the grid meaningful: sessions
 * start and end on the grid, so their shortest and longest lengths are whole steps of it.
 */
@NamedInterface("api")
public record BookingRuleValues(
    int granularityMinutes, int minSessionMinutes, int maxSessionMinutes, int leadTimeHours, int lateCancellationHours) {

  /** The cell of booking_slots: every grid step is a whole number of them. */
  public static final int CELL_MINUTES = 30;

  public static final int MAX_GRANULARITY_MINUTES = 1440;

  /** Two weeks: longer than any unattended collection a facility runs in one go. */
  public static final int MAX_SESSION_MINUTES = 14 * 1440;

  /** A year's notice, either way. */
  public static final int MAX_NOTICE_HOURS = 8760;

  public static BookingRuleValues of(InstrumentBookingRules rules) {
    return new BookingRuleValues(
        Math.toIntExact(rules.granularity().toMinutes()), Math.toIntExact(rules.minSession().toMinutes()),
        Math.toIntExact(rules.maxSession().toMinutes()), Math.toIntExact(rules.leadTime().toHours()),
        Math.toIntExact(rules.lateCancellation().toHours()));
  }

  InstrumentBookingRules rules() {
    return new InstrumentBookingRules(
        Duration.ofMinutes(granularityMinutes), Duration.ofMinutes(minSessionMinutes), Duration.ofMinutes(maxSessionMinutes),
        Duration.ofHours(leadTimeHours), Duration.ofHours(lateCancellationHours));
  }

  /** Refuses, naming each field, values the grid or the database cannot hold. */
  void check() {
    List<InvalidRequestException.Violation> refused = new ArrayList<>();
    boolean gridValid = granularityMinutes >= CELL_MINUTES && granularityMinutes <= MAX_GRANULARITY_MINUTES
        && granularityMinutes % CELL_MINUTES == 0;
    if (!gridValid) {
      refused.add(new InvalidRequestException.Violation("granularityMinutes", "catalogue.rules.granularity.invalid"));
    } else {
      if (minSessionMinutes < granularityMinutes || minSessionMinutes % granularityMinutes != 0) {
        refused.add(new InvalidRequestException.Violation("minSessionMinutes", "catalogue.rules.session.grid", granularityMinutes));
      }
      if (maxSessionMinutes % granularityMinutes != 0 || maxSessionMinutes > MAX_SESSION_MINUTES) {
        refused.add(new InvalidRequestException.Violation("maxSessionMinutes", "catalogue.rules.session.grid", granularityMinutes));
      } else if (maxSessionMinutes < minSessionMinutes) {
        refused.add(new InvalidRequestException.Violation("maxSessionMinutes", "catalogue.rules.session.order"));
      }
    }
    if (leadTimeHours < 0 || leadTimeHours > MAX_NOTICE_HOURS) {
      refused.add(new InvalidRequestException.Violation("leadTimeHours", "catalogue.rules.hours.range"));
    }
    if (lateCancellationHours < 0 || lateCancellationHours > MAX_NOTICE_HOURS) {
      refused.add(new InvalidRequestException.Violation("lateCancellationHours", "catalogue.rules.hours.range"));
    }
    if (!refused.isEmpty()) {
      throw new InvalidRequestException(refused);
    }
  }
}
