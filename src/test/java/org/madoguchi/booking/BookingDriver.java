package org.madoguchi.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.cases.Submissions;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings for other features' tests, made and changed through the booking services themselves
 * (reservation, session recording), on throwaway units of {@link BookingFixtures}.
 */
public final class BookingDriver {

  private final Reservations reservations;
  private final UsageRecording usage;
  private final BookingFixtures fixtures;

  public BookingDriver(ApplicationContext context) {
    this.reservations = context.getBean(Reservations.class);
    this.usage = context.getBean(UsageRecording.class);
    this.fixtures =
        new BookingFixtures(
            context.getBean(JdbcTemplate.class), context.getBean(Accounts.class), context.getBean(Submissions.class),
            context.getBean(TransactionTemplate.class));
  }

  /** A new unit with one operator-assisted NMR; returns the unit's code. */
  public String newUnit() {
    return fixtures.newUnit();
  }

  /** Returns the instrument's id. */
  public long newInstrument(String unitCode) {
    return fixtures.newInstrument(unitCode, "nmr", 8_000, true).id();
  }

  /** Books the earliest free {@code hours} on the unit from {@code day} on; returns the booking's id. */
  public long reserve(long caseId, String unitCode, String hours, LocalDate day) {
    Reservations.Outcome outcome =
        reservations.reserve(new ReservationRequest(caseId, unitCode, new BigDecimal(hours), null, day, BookingFixtures.key(), BookingFixtures.key()));
    if (!(outcome instanceof Reservations.Reserved reserved)) {
      throw new AssertionError("no booking: " + outcome);
    }
    return reserved.bookingId();
  }

  /** Records the session held on the booking (it becomes COMPLETED). */
  public void recordSession(long caseId, String unitCode, long bookingId) {
    usage.record(SessionReport.of(caseId, unitCode, bookingId, 1, null, "ELN-1", null, null));
  }

  public static LocalDate mondayAhead() {
    return BookingFixtures.mondayAhead();
  }

  public static Instant tokyo(LocalDate day, int hour, int minute) {
    return BookingFixtures.tokyo(day, hour, minute);
  }

  /** Removes the units made here with everything booked on them (after the test class). */
  public void removeUnits() {
    fixtures.removeUnits();
  }
}
