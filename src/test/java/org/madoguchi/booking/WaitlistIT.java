package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.booking.BookingFixtures.concurrently;
import static org.madoguchi.booking.BookingFixtures.key;
import static org.madoguchi.booking.BookingFixtures.mondayAhead;
import static org.madoguchi.booking.BookingFixtures.tokyo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.madoguchi.units.JapanesePublicHolidays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waitlist: a request that found no slot waits, is booked into time another booking releases (first
 * come first served) and its process goes on to the session; the waiting window's timer sends it back to
 * Reschedule; a release racing a direct booking never books the same time twice.
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitlistIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired Submissions submissions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired BookingRepository bookings;
  @Autowired WaitlistEntryRepository entries;
  @Autowired Waitlist waitlist;
  @Autowired ExactBookings exactBookings;
  @Autowired SessionAttendance attendance;
  @Autowired UsageRecordRepository usageRecords;

  private final ProcessDriver engine = ProcessDriver.onEmbeddedEngine();
  private BookingFixtures fixtures;
  private String unit;

  @BeforeAll
  void fixtures() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
    unit = fixtures.newUnit();
  }

  @AfterAll
  void removeUnits() {
    jdbc.update("DELETE FROM waitlist_entries WHERE unit_code = ?", unit);
    fixtures.removeUnits();
  }

  @Test
  void aWaitingRequestIsBookedIntoCancelledTimeAndItsProcessGoesOnToTheSession() {
    // An instrument of a class the imaging unit has no other of, so no other booking lands on it.
    String instrumentClass = "saxs";
    TestInstrument instrument = fixtures.newInstrument("imaging", instrumentClass, 1000, true);
    try {
      LocalDate day = mondayAheadOfTheEngine();
      Account coordinator = accounts.ensure(
          "imaging-" + System.nanoTime() + "@madoguchi.example", "secret-coordinator", "Imaging Coordinator", "en", Set.of(Role.STAFF));
      accounts.assignStaffGroups(coordinator.id(), Set.of(StaffGroup.unitCoordinators("imaging")));
      CaseSummary other = fixtures.acceptedCase("imaging");
      long othersBooking = exactBookings.book(
          other.caseId(), "imaging", instrument.id(), tokyo(day, 9, 0), tokyo(day, 13, 0), Actor.staff("unit-imaging")).bookingId();

      Journey journey = new Journey(engine, jdbc);
      CaseRun run = waitingOnImaging(journey, day, instrumentClass);
      WaitlistEntry entry = onlyEntryOf(run.caseId());
      assertThat(entry.state()).isEqualTo(WaitlistEntry.State.WAITING);
      assertThat(entry.windowStart()).isEqualTo(tokyo(day, 0, 0));
      assertThat(entry.windowEnd()).isEqualTo(tokyo(day.plusDays(1), 0, 0));

      attendance.cancel(other.caseId(), othersBooking, Actor.staff("unit-imaging"), false);

      engine.awaitActive(run.instance(), "InstrumentSession");
      Booking booked = bookings.findById(onlyEntryOf(run.caseId()).bookingId()).orElseThrow();
      assertThat(onlyEntryOf(run.caseId()).state()).isEqualTo(WaitlistEntry.State.BOOKED);
      assertThat(booked.instrumentId()).isEqualTo(instrument.id());
      assertThat(booked.slotStart()).isEqualTo(tokyo(day, 9, 0));
      assertThat(booked.slotEnd()).isEqualTo(tokyo(day, 12, 0));
      assertThat(engine.latestVariable(run.instance(), "bookingId")).contains(Long.toString(booked.id()));
      assertThat(journey.mailTemplates(run)).contains("waitlist-booked");
      assertThat(jdbc.queryForObject(
          "SELECT COUNT(*) FROM mail_outbox WHERE template = 'staff-waitlist-booked' AND recipient = ?", Integer.class,
          coordinator.email())).isEqualTo(1);

      journey.operatorRecordsSession(run, "imaging", 3.0, List.of(), List.of());
      engine.awaitPassed(run.instance(), "RecordUsage");
      assertThat(bookings.findById(booked.id()).orElseThrow().status()).isEqualTo(BookingStatus.COMPLETED);
      assertThat(usageRecords.findByBookingId(booked.id())).isPresent();
    } finally {
      jdbc.update("UPDATE instruments SET active = FALSE WHERE id = ?", instrument.id());
    }
  }

  @Test
  void theWaitingWindowsTimerExpiresTheEntryAndReturnsToReschedule() {
    CaseRun run = waitingOnImaging(new Journey(engine, jdbc), engine.now().atZone(BookingFixtures.TOKYO).toLocalDate(), "cryo-em");

    engine.advanceTime(Duration.ofHours(25));

    engine.awaitPassed(run.instance(), "ExpireWait");
    engine.awaitActive(run.instance(), "Reschedule");
    assertThat(engine.timesPassed(run.instance(), "Reschedule")).isEqualTo(1);
    assertThat(onlyEntryOf(run.caseId()).state()).isEqualTo(WaitlistEntry.State.EXPIRED);
    assertThat(jdbc.queryForList("select action from case_events where case_id = ? and action like 'waitlist-%' order by id",
        String.class, run.caseId())).containsExactly("waitlist-joined", "waitlist-expired");
  }

  @Test
  void releasedTimeGoesToTheFirstWaitingRequestThatFits() {
    TestInstrument instrument = fixtures.newInstrument(unit, "confocal", 1000, true);
    LocalDate day = mondayAhead().plusDays(1);
    long released = book(fixtures.acceptedCase(unit), instrument, day, 9, 13);
    // Too long for the four released hours, then the first that fits, then a later one that fits too.
    WaitlistEntry tooLong = join(fixtures.acceptedCase(unit), "confocal", 5, day);
    WaitlistEntry first = join(fixtures.acceptedCase(unit), null, 2, day);
    WaitlistEntry second = join(fixtures.acceptedCase(unit), "confocal", 2, day);

    cancel(released);

    assertThat(state(tooLong)).isEqualTo(WaitlistEntry.State.WAITING);
    assertThat(state(second)).isEqualTo(WaitlistEntry.State.WAITING);
    WaitlistEntry booked = entries.findById(first.id()).orElseThrow();
    assertThat(booked.state()).isEqualTo(WaitlistEntry.State.BOOKED);
    Booking booking = bookings.findById(booked.bookingId()).orElseThrow();
    assertThat(booking.slotStart()).isEqualTo(tokyo(day, 9, 0));
    assertThat(booking.slotEnd()).isEqualTo(tokyo(day, 11, 0));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_slots WHERE booking_id = ?", Integer.class, booking.id())).isEqualTo(4);
  }

  @Test
  void timeABookingMovesAwayFromGoesToAWaitingRequest() {
    TestInstrument instrument = fixtures.newInstrument(unit, "nmr", 1000, true);
    LocalDate day = mondayAhead().plusDays(2);
    long moving = book(fixtures.acceptedCase(unit), instrument, day, 9, 11);
    WaitlistEntry waiting = join(fixtures.acceptedCase(unit), "nmr", 2, day);

    exactBookings.move(moving, instrument.id(), tokyo(day, 14, 0), tokyo(day, 16, 0), Actor.staff("unit-" + unit));

    WaitlistEntry booked = entries.findById(waiting.id()).orElseThrow();
    assertThat(booked.state()).isEqualTo(WaitlistEntry.State.BOOKED);
    assertThat(bookings.findById(booked.bookingId()).orElseThrow().slotStart()).isEqualTo(tokyo(day, 9, 0));
  }

  @Test
  void aReleaseRacingADirectBookingNeverBooksTheSameTimeTwice() throws Exception {
    TestInstrument instrument = fixtures.newInstrument(unit, "flow-cytometer", 1000, true);
    for (int round = 0; round < 5; round++) {
      LocalDate day = mondayAhead().plusDays(round % 5);
      int hour = 9 + 2 * (round / 5);
      long released = book(fixtures.acceptedCase(unit), instrument, day, hour, hour + 2);
      WaitlistEntry waiting = join(fixtures.acceptedCase(unit), "flow-cytometer", 2, day);
      CaseSummary direct = fixtures.acceptedCase(unit);

      List<Callable<Boolean>> racers = List.of(
          () -> {
            cancel(released);
            return true;
          },
          () -> {
            try {
              exactBookings.book(direct.caseId(), unit, instrument.id(), tokyo(day, hour, 0), tokyo(day, hour + 2, 0), Actor.staff("unit-" + unit));
              return true;
            } catch (SlotUnavailableException taken) {
              return false;
            }
          });
      concurrently(racers);

      Integer holders = jdbc.queryForObject(
          "SELECT COUNT(DISTINCT b.id) FROM bookings b WHERE b.instrument_id = ? AND b.status = 'RESERVED'"
              + " AND b.slot_start < ? AND b.slot_end > ?",
          Integer.class, instrument.id(), BookingSlots.utc(tokyo(day, hour + 2, 0)), BookingSlots.utc(tokyo(day, hour, 0)));
      assertThat(holders).as("round " + round).isLessThanOrEqualTo(1);
      WaitlistEntry after = entries.findById(waiting.id()).orElseThrow();
      if (after.state() == WaitlistEntry.State.BOOKED) {
        assertThat(bookings.findById(after.bookingId()).orElseThrow().status()).isEqualTo(BookingStatus.RESERVED);
      }
      // Whoever lost, the time is held by exactly one booking: the waiting request or the direct one.
      assertThat(holders).as("round " + round).isEqualTo(1);
      jdbc.update("UPDATE waitlist_entries SET state = 'EXPIRED' WHERE id = ? AND state = 'WAITING'", waiting.id());
    }
  }

  @Test
  void aWaitEndingBeforeThePreferredStartHoldsNothingAndReturnsToReschedule() {
    LocalDate day = mondayAhead();
    CaseRun run = rescheduledToWait(new Journey(engine, jdbc), day, day.minusDays(1), "cryo-em");

    engine.awaitPassed(run.instance(), "ExpireWait");
    engine.awaitActive(run.instance(), "Reschedule");
    assertThat(entries.findAll()).noneMatch(e -> e.caseId() == run.caseId());
  }

  /**
   * An open Monday three weeks ahead of the application's and the engine's today: the waiting window's
   * timer runs on the engine's clock, which other tests move forward.
   */
  private LocalDate mondayAheadOfTheEngine() {
    LocalDate day = mondayAhead();
    LocalDate engineToday = engine.now().atZone(BookingFixtures.TOKYO).toLocalDate();
    while (!day.isAfter(engineToday.plusWeeks(3)) || !JapanesePublicHolidays.bundled().between(day, day.plusDays(13)).isEmpty()) {
      day = day.plusWeeks(1);
    }
    return day;
  }

  /** A case whose imaging unit found no slot (it has no cryo-EM) and whose coordinator let it wait for 3 h on {@code day}. */
  private CaseRun waitingOnImaging(Journey journey, LocalDate day, String instrumentClass) {
    CaseRun run = rescheduledToWait(journey, day, day, instrumentClass);
    engine.awaitActive(run.instance(), "AwaitReleasedSlot");
    return run;
  }

  private CaseRun rescheduledToWait(Journey journey, LocalDate preferredStart, LocalDate waitUntil, String instrumentClass) {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    journey.deskAccepts(run, "imaging");
    journey.unitAccepts(run, "imaging", 3, "cryo-em");
    engine.complete(run.instance(), "Reschedule", Map.of(
        "rescheduleChoice", "wait",
        "preferredStart", preferredStart.toString(),
        "waitUntil", waitUntil.toString(),
        "estimatedHours", 3,
        "instrumentClass", instrumentClass));
    return run;
  }

  private long book(CaseSummary c, TestInstrument instrument, LocalDate day, int fromHour, int toHour) {
    return exactBookings.book(
        c.caseId(), unit, instrument.id(), tokyo(day, fromHour, 0), tokyo(day, toHour, 0), Actor.staff("unit-" + unit)).bookingId();
  }

  private void cancel(long bookingId) {
    long caseId = bookings.findById(bookingId).orElseThrow().caseId();
    attendance.cancel(caseId, bookingId, Actor.staff("unit-" + unit), false);
  }

  private WaitlistEntry join(CaseSummary c, String instrumentClass, int hours, LocalDate day) {
    ReservationRequest request = new ReservationRequest(c.caseId(), unit, BigDecimal.valueOf(hours), instrumentClass, day, key(), key());
    Map<String, Object> joined = new HashMap<>(transaction.execute(status -> waitlist.join(request, day)));
    assertThat(joined).containsKey("waitEndsAt");
    return entries.findByElementInstanceKey(request.elementInstanceKey()).orElseThrow();
  }

  private WaitlistEntry.State state(WaitlistEntry entry) {
    return entries.findById(entry.id()).orElseThrow().state();
  }

  private WaitlistEntry onlyEntryOf(long caseId) {
    List<WaitlistEntry> ofCase = entries.findAll().stream().filter(e -> e.caseId() == caseId).toList();
    assertThat(ofCase).hasSize(1);
    return ofCase.getFirst();
  }
}
