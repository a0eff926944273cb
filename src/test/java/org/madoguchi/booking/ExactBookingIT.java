package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.booking.BookingFixtures.concurrently;
import static org.madoguchi.booking.BookingFixtures.key;
import static org.madoguchi.booking.BookingFixtures.mondayAhead;
import static org.madoguchi.booking.BookingFixtures.tokyo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.booking.ExactBookings.BookedSession;
import org.madoguchi.booking.Reservations.Reserved;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.units.AssignmentHistory;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.JapanesePublicHolidays;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Slots chosen by people: every rule with its reason, races among them and with the earliest-slot worker, DST. */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactBookingIT {

  private static final Actor COORDINATOR = Actor.staff("structure", "hana.mori@madoguchi.example");

  @Autowired ExactBookings exactBookings;
  @Autowired Reservations reservations;
  @Autowired BookingRepository bookings;
  @Autowired BookingSlots slots;
  @Autowired UnitCatalogue catalogue;
  @Autowired AssignmentHistory assignments;
  @Autowired MaintenanceSchedule maintenance;
  @Autowired FacilityCalendar calendar;
  @Autowired CaseFile caseFile;
  @Autowired Submissions submissions;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired org.springframework.context.ApplicationEventPublisher events;

  private BookingFixtures fixtures;

  @BeforeAll
  void fixtures() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
  }

  @AfterAll
  void removeTestUnits() {
    fixtures.removeUnits();
  }

  /** What one attempt came to. */
  private sealed interface Attempt permits Won, Lost, Refused, NoneFound {}

  private record Won(long bookingId) implements Attempt {}

  /** A chosen slot another booking holds. */
  private record Lost(SlotUnavailableException reason) implements Attempt {}

  /** The earliest-slot worker found no free session. */
  private record NoneFound() implements Attempt {}

  private record Refused(List<BookingRule> rules) implements Attempt {}

  private record Slot(String group, LocalDate day, int startHour, int startMinute, int endHour, int endMinute) {

    Instant start() {
      return tokyo(day, startHour, startMinute);
    }

    Instant end() {
      return tokyo(day, endHour, endMinute);
    }
  }

  // Rules ------------------------------------------------------------------------------------------

  @Test
  void aChosenSlotIsBookedWithItsCellsAndWhoChoseIt() {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    CaseSummary c = fixtures.acceptedCase(unit);
    LocalDate monday = mondayAhead();

    BookedSession session = exactBookings.book(c.caseId(), unit, nmr.id(), tokyo(monday, 10, 30), tokyo(monday, 12, 0), COORDINATOR);

    Booking booking = bookings.findById(session.bookingId()).orElseThrow();
    assertThat(booking.status()).isEqualTo(BookingStatus.RESERVED);
    assertThat(booking.requestedHours()).isEqualByComparingTo("1.5");
    assertThat(slots.heldBy(booking.id()))
        .containsExactly(tokyo(monday, 10, 30), tokyo(monday, 11, 0), tokyo(monday, 11, 30));
    assertThat(jdbc.queryForMap(
            "SELECT booked_by, process_instance_key, element_instance_key FROM bookings WHERE id = ?", booking.id()))
        .containsEntry("booked_by", "staff:structure:hana.mori@madoguchi.example")
        .containsEntry("process_instance_key", null)
        .containsEntry("element_instance_key", null);
    assertThat(caseFile.history(c.caseId())).anySatisfy(e -> assertThat(e.event()).isEqualTo(
        new CaseEvent.BookingReserved(nmr.name(), monday.atTime(10, 30), monday.atTime(12, 0))));
  }

  @Test
  void eachBrokenRuleIsRefusedWithItsReasonAndNothingIsBooked() {
    String unit = fixtures.newUnit();
    String otherUnit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    TestInstrument elsewhere = fixtures.newInstrument(otherUnit, "nmr", 8_000, true);
    TestInstrument retired = fixtures.newInstrument(unit, "confocal", 3_000, false);
    jdbc.update("UPDATE instruments SET active = FALSE WHERE id = ?", retired.id());
    setRules(nmr.id(), 60, 60, 240, 48);
    CaseSummary c = fixtures.acceptedCase(unit);
    LocalDate monday = mondayAhead();
    maintenance.schedule(nmr.id(), tokyo(monday, 14, 0), tokyo(monday, 16, 0), "Probe exchange");
    LocalDate today = LocalDate.now(BookingFixtures.TOKYO);

    assertRefused(c, unit, nmr.id(), tokyo(monday, 10, 30), tokyo(monday, 12, 0), BookingRule.GRID, "start");
    assertRefused(c, unit, nmr.id(), tokyo(today.minusDays(2), 10, 0), tokyo(today.minusDays(2), 11, 0), BookingRule.PAST, "start");
    assertRefused(c, unit, nmr.id(), tokyo(today.plusDays(1), 10, 0), tokyo(today.plusDays(1), 11, 0), BookingRule.LEAD_TIME, "start");
    assertRefused(c, unit, nmr.id(), tokyo(monday, 9, 0), tokyo(monday, 14, 0), BookingRule.MAX_LENGTH, "end");
    setRules(nmr.id(), 30, 120, 240, 48);
    assertRefused(c, unit, nmr.id(), tokyo(monday, 9, 0), tokyo(monday, 10, 30), BookingRule.MIN_LENGTH, "end");
    assertRefused(c, unit, nmr.id(), tokyo(monday, 13, 0), tokyo(monday, 15, 0), BookingRule.MAINTENANCE, "start");
    assertRefused(c, unit, nmr.id(), tokyo(monday, 11, 0), tokyo(monday, 11, 0), BookingRule.PERIOD, "end");
    assertRefused(c, unit, elsewhere.id(), tokyo(monday, 9, 0), tokyo(monday, 11, 0), BookingRule.INSTRUMENT_OF_UNIT, "instrumentId");
    assertRefused(c, unit, retired.id(), tokyo(monday, 9, 0), tokyo(monday, 11, 0), BookingRule.INSTRUMENT_ACTIVE, "instrumentId");
    assertRefused(fixtures.newCase(), unit, nmr.id(), tokyo(monday, 9, 0), tokyo(monday, 11, 0), BookingRule.CASE_ACCEPTED, "caseId");
    CaseSummary returned = fixtures.acceptedCase(unit);
    jdbc.update(
        "INSERT INTO unit_assignments (case_id, unit_code, round_no, process_instance_key, decision, return_reason, decided_at)"
            + " VALUES (?, ?, 2, ?, 'return', 'Sample not suitable', UTC_TIMESTAMP(6))",
        returned.caseId(), unit, key());
    assertRefused(returned, unit, nmr.id(), tokyo(monday, 9, 0), tokyo(monday, 11, 0), BookingRule.CASE_ACCEPTED, "caseId");
    assertRefused(c, otherUnit, elsewhere.id(), tokyo(monday, 9, 0), tokyo(monday, 11, 0), BookingRule.CASE_ACCEPTED, "caseId");
    assertRefused(c, unit, Long.MAX_VALUE, tokyo(monday, 9, 0), tokyo(monday, 11, 0), BookingRule.UNKNOWN_INSTRUMENT, "instrumentId");

    for (TestInstrument instrument : List.of(nmr, elsewhere, retired)) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bookings WHERE instrument_id = ?", Integer.class, instrument.id())).isZero();
      assertThat(fixtures.slotRows(instrument.id())).isZero();
    }
    assertThat(caseFile.history(c.caseId())).noneMatch(e -> e.event() instanceof CaseEvent.BookingReserved);
  }

  @Test
  void aRefusalNamesEveryBrokenRuleAtOnce() {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    jdbc.update("UPDATE instruments SET active = FALSE WHERE id = ?", nmr.id());
    setRules(nmr.id(), 60, 60, 120, 0);
    LocalDate monday = mondayAhead();

    assertThatThrownBy(() -> exactBookings.book(
            fixtures.newCase().caseId(), "structure", nmr.id(), tokyo(monday, 9, 30), tokyo(monday, 13, 0), COORDINATOR))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rules()).containsExactly(
            BookingRule.CASE_ACCEPTED, BookingRule.INSTRUMENT_OF_UNIT, BookingRule.INSTRUMENT_ACTIVE, BookingRule.GRID, BookingRule.MAX_LENGTH));
  }

  // Races ------------------------------------------------------------------------------------------

  /**
   * 50 simultaneous attempts on one instrument: the same slot; slots overlapping by one grid step (30
   * minutes, the smallest overlap the grid allows) at the start and at the end of another; two slots
   * touching end-to-start; and two attempts overlapping a slot by one minute, which the grid refuses.
   */
  @RepeatedTest(5)
  void fiftySimultaneousAttemptsGiveOneWinnerPerOverlap() throws Exception {
    String unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "nmr", 8_000, true);
    LocalDate monday = mondayAhead();
    List<CaseSummary> cases = List.of(fixtures.acceptedCase(unit), fixtures.acceptedCase(unit), fixtures.acceptedCase(unit));
    List<Slot> chosen = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      chosen.add(new Slot("same", monday, 9, 0, 10, 0));
    }
    for (int i = 0; i < 6; i++) {
      chosen.add(new Slot("overlap-at-start", monday, 12, 30, 13, 30));
      chosen.add(new Slot("overlap-at-start", monday, 13, 0, 14, 0));
      chosen.add(new Slot("overlap-at-end", monday, 15, 0, 16, 0));
      chosen.add(new Slot("overlap-at-end", monday, 15, 30, 16, 30));
      chosen.add(new Slot("touching-first", monday, 17, 0, 18, 0));
      chosen.add(new Slot("touching-second", monday, 18, 0, 19, 0));
    }
    chosen.add(new Slot("one-minute-off", monday, 9, 59, 11, 0));
    chosen.add(new Slot("one-minute-off", monday, 8, 0, 9, 1));
    assertThat(chosen).hasSize(50);
    List<Callable<Attempt>> calls = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      Slot slot = chosen.get(i);
      CaseSummary c = cases.get(i % cases.size());
      calls.add(() -> attempt(() -> exactBookings.book(c.caseId(), unit, krios.id(), slot.start(), slot.end(), COORDINATOR)));
    }

    List<Attempt> attempts = concurrently(calls);

    Map<String, List<Attempt>> wonByGroup = new TreeMap<>();
    for (int i = 0; i < chosen.size(); i++) {
      if (attempts.get(i) instanceof Won) {
        wonByGroup.computeIfAbsent(chosen.get(i).group(), g -> new ArrayList<>()).add(attempts.get(i));
      }
    }
    assertThat(wonByGroup).as("one winner per overlap group; touching slots both win")
        .containsOnlyKeys("same", "overlap-at-start", "overlap-at-end", "touching-first", "touching-second")
        .allSatisfy((group, won) -> assertThat(won).hasSize(1));
    assertThat(attempts).filteredOn(Lost.class::isInstance).hasSize(43);
    for (int i = 48; i < 50; i++) {
      assertThat(attempts.get(i)).isEqualTo(new Refused(List.of(BookingRule.GRID)));
    }
    List<Booking> booked = bookingsOf(krios.id());
    assertThat(booked).hasSize(5).allSatisfy(b -> {
      assertThat(b.status()).isEqualTo(BookingStatus.RESERVED);
      assertThat(slots.heldBy(b.id())).containsExactly(b.slotStart(), b.slotStart().plus(SlotPlanner.SLOT));
    });
    assertThat(fixtures.slotRows(krios.id())).isEqualTo(10);
    fixtures.assertNoSlotTakenTwice();
  }

  @Test
  void theEarliestSlotWorkerAndChosenSlotsNeverShareACell() throws Exception {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    LocalDate monday = mondayAhead();
    // Only Monday 09:00-10:00 is free within the worker's search horizon.
    maintenance.schedule(nmr.id(), tokyo(monday, 10, 0), tokyo(monday.plusDays(200), 0, 0), "Magnet ramp");
    List<Callable<Attempt>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CaseSummary c = fixtures.acceptedCase(unit);
      calls.add(() -> attempt(() -> exactBookings.book(c.caseId(), unit, nmr.id(), tokyo(monday, 9, 0), tokyo(monday, 10, 0), COORDINATOR)));
      calls.add(() -> attempt(() -> exactBookings.book(c.caseId(), unit, nmr.id(), tokyo(monday, 9, 30), tokyo(monday, 10, 0), COORDINATOR)));
      ReservationRequest hour = new ReservationRequest(c.caseId(), unit, BigDecimal.ONE, "nmr", monday, key(), key());
      ReservationRequest halfHour = new ReservationRequest(c.caseId(), unit, new BigDecimal("0.5"), "nmr", monday, key(), key());
      calls.add(() -> reserved(reservations.reserve(hour)));
      calls.add(() -> reserved(reservations.reserve(halfHour)));
    }

    List<Attempt> attempts = concurrently(calls);

    List<Booking> booked = bookingsOf(nmr.id());
    assertThat(booked).isNotEmpty();
    assertThat(attempts).filteredOn(Won.class::isInstance).hasSameSizeAs(booked);
    assertThat(attempts).noneMatch(Refused.class::isInstance);
    int cells = 0;
    for (Booking b : booked) {
      int n = SlotRules.cells(b.slotStart(), b.slotEnd());
      assertThat(slots.heldBy(b.id())).containsExactlyElementsOf(SlotPlanner.slotStarts(b.slotStart(), n));
      cells += n;
    }
    assertThat(cells).isLessThanOrEqualTo(2).isEqualTo(fixtures.slotRows(nmr.id()));
    fixtures.assertNoSlotTakenTwice();
  }

  @Test
  void aChosenSlotTheWorkerTookFirstIsUnavailable() {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    LocalDate monday = mondayAhead();
    CaseSummary c = fixtures.acceptedCase(unit);
    Reserved byWorker = (Reserved) reservations.reserve(
        new ReservationRequest(c.caseId(), unit, BigDecimal.ONE, "nmr", monday, key(), key()));
    assertThat(byWorker.slotStart()).isEqualTo(BookingFixtures.iso(monday, 9, 0));

    assertThatThrownBy(() -> exactBookings.book(c.caseId(), unit, nmr.id(), tokyo(monday, 9, 30), tokyo(monday, 10, 30), COORDINATOR))
        .isInstanceOf(SlotUnavailableException.class);
    BookedSession touching = exactBookings.book(c.caseId(), unit, nmr.id(), tokyo(monday, 10, 0), tokyo(monday, 11, 0), COORDINATOR);
    Reserved next = (Reserved) reservations.reserve(
        new ReservationRequest(c.caseId(), unit, BigDecimal.ONE, "nmr", monday, key(), key()));

    assertThat(touching.start()).isEqualTo(tokyo(monday, 10, 0));
    assertThat(next.slotStart()).as("the worker skips the chosen slot").isEqualTo(BookingFixtures.iso(monday, 11, 0));
    assertThat(bookingsOf(nmr.id())).hasSize(3);
    assertThat(fixtures.slotRows(nmr.id())).isEqualTo(6);
    fixtures.assertNoSlotTakenTwice();
  }

  // Closed days ------------------------------------------------------------------------------------

  /** Public holidays, facility closures and days of unknown holidays: refused when chosen, skipped by the worker. */
  @Test
  void closedDaysAreRefusedAndTheWorkerSkipsThem() {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    CaseSummary c = fixtures.acceptedCase(unit);
    LocalDate holiday = JapanesePublicHolidays.bundled().between(mondayAhead(), mondayAhead().plusYears(1)).stream()
        .map(JapanesePublicHolidays.PublicHoliday::date)
        .filter(day -> day.getDayOfWeek().getValue() <= 5 && !calendar.isClosed(day.minusDays(1)))
        .findFirst().orElseThrow();

    assertRefused(c, unit, nmr.id(), tokyo(holiday, 10, 0), tokyo(holiday, 11, 0), BookingRule.CLOSED_DAY, "start");
    assertRefused(c, unit, nmr.id(), tokyo(holiday.minusDays(1), 23, 0), tokyo(holiday, 0, 30), BookingRule.CLOSED_DAY, "start");
    Reserved afterTheHoliday = (Reserved) reservations.reserve(
        new ReservationRequest(c.caseId(), unit, BigDecimal.ONE, "nmr", holiday, key(), key()));
    assertThat(afterTheHoliday.slotStart()).as("the next open working day")
        .isEqualTo(BookingFixtures.iso(nextOpenWorkingDay(holiday.plusDays(1)), 9, 0));

    // A facility closure far ahead (facility-wide), on a working day without a holiday.
    LocalDate closedOn = nextOpenWorkingDay(LocalDate.of(2036, 6, 1).plusDays(System.nanoTime() % 120));
    jdbc.update("INSERT INTO facility_closures (closed_on, reason) VALUES (?, 'Power works')", java.sql.Date.valueOf(closedOn));
    try {
      assertThatThrownBy(() -> exactBookings.book(c.caseId(), unit, nmr.id(), tokyo(closedOn, 10, 0), tokyo(closedOn, 11, 0), COORDINATOR))
          .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.refusals()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(BookingRule.CLOSED_DAY);
            assertThat(r.field()).isEqualTo("start");
            assertThat(r.arguments()).contains(closedOn.toString(), "Power works");
          }));
      Reserved afterTheClosure = (Reserved) reservations.reserve(
          new ReservationRequest(c.caseId(), unit, BigDecimal.ONE, "nmr", closedOn, key(), key()));
      assertThat(afterTheClosure.slotStart()).isEqualTo(BookingFixtures.iso(nextOpenWorkingDay(closedOn.plusDays(1)), 9, 0));
    } finally {
      jdbc.update("DELETE FROM facility_closures WHERE closed_on = ?", java.sql.Date.valueOf(closedOn));
    }

    // Past the end of 2037 the database holds no booking, whether or not the holidays of that year are known.
    LocalDate beyond = LocalDate.of(2038, 1, 12);
    assertRefused(c, unit, nmr.id(), tokyo(beyond, 10, 0), tokyo(beyond, 11, 0), BookingRule.HORIZON, "end");
    assertThat(bookingsOf(nmr.id())).as("only the worker's two sessions").hasSize(2);
  }

  private LocalDate nextOpenWorkingDay(LocalDate from) {
    LocalDate day = from;
    while (day.getDayOfWeek().getValue() > 5 || calendar.isClosed(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  // Time zones -------------------------------------------------------------------------------------

  /**
   * A facility in Europe/Berlin, where on 2027-03-28 the clocks jump from 02:00 to 03:00: the rules read
   * local wall-clock time for the grid and real time for lengths and lead time; the database keeps UTC.
   */
  @Test
  void aFacilityInADaylightSavingZoneBooksAcrossTheSwitch() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ExactBookings dayBefore = facilityIn(berlin, "2027-03-27T01:30:00Z");
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    setRules(nmr.id(), 60, 60, 120, 24);
    CaseSummary c = fixtures.acceptedCase(unit);
    Function<String, Instant> local = text -> LocalDateTime.parse(text).atZone(berlin).toInstant();

    // 03:00 CEST is 24.5 wall-clock hours after the clock (02:30 CET) but only 23.5 real hours.
    assertThatThrownBy(() -> dayBefore.book(c.caseId(), unit, nmr.id(), local.apply("2027-03-28T03:00"), local.apply("2027-03-28T04:00"), COORDINATOR))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rules()).containsExactly(BookingRule.LEAD_TIME));
    // 04:00 to 07:00 CEST: three hours, longer than the two allowed.
    assertThatThrownBy(() -> dayBefore.book(c.caseId(), unit, nmr.id(), local.apply("2027-03-28T04:00"), local.apply("2027-03-28T07:00"), COORDINATOR))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rules()).containsExactly(BookingRule.MAX_LENGTH));
    // 04:30 CEST is off the hourly grid of Berlin, though 02:30 UTC is a booking_slots cell.
    assertThatThrownBy(() -> dayBefore.book(c.caseId(), unit, nmr.id(), local.apply("2027-03-28T04:30"), local.apply("2027-03-28T05:00"), COORDINATOR))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rules()).containsExactly(BookingRule.GRID, BookingRule.MIN_LENGTH));

    // Booked a week ahead: 01:00 CET to 04:00 CEST is two real hours over the missing hour.
    BookedSession overTheSwitch = facilityIn(berlin, "2027-03-20T00:00:00Z").book(
        c.caseId(), unit, nmr.id(), local.apply("2027-03-28T01:00"), local.apply("2027-03-28T04:00"), COORDINATOR);

    assertThat(overTheSwitch.start()).isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
    assertThat(overTheSwitch.end()).isEqualTo(Instant.parse("2027-03-28T02:00:00Z"));
    assertThat(slots.heldBy(overTheSwitch.bookingId())).as("UTC cells in the database").containsExactly(
        Instant.parse("2027-03-28T00:00:00Z"), Instant.parse("2027-03-28T00:30:00Z"),
        Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-28T01:30:00Z"));
    Booking booking = bookings.findById(overTheSwitch.bookingId()).orElseThrow();
    assertThat(booking.requestedHours()).isEqualByComparingTo("2");
    assertThat(caseFile.history(c.caseId())).as("the case file shows facility time").anySatisfy(e -> assertThat(e.event())
        .isEqualTo(new CaseEvent.BookingReserved(nmr.name(), LocalDateTime.parse("2027-03-28T01:00"), LocalDateTime.parse("2027-03-28T04:00"))));
  }

  // ------------------------------------------------------------------------------------------------

  private void assertRefused(CaseSummary c, String unit, long instrumentId, Instant start, Instant end, BookingRule rule, String field) {
    assertThatThrownBy(() -> exactBookings.book(c.caseId(), unit, instrumentId, start, end, COORDINATOR))
        .as(rule.code())
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.refusals())
            .singleElement()
            .satisfies(r -> {
              assertThat(r.rule()).isEqualTo(rule);
              assertThat(r.field()).isEqualTo(field);
            }));
  }

  private ExactBookings facilityIn(ZoneId zone, String now) {
    Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    return new ExactBookings(bookings, slots, catalogue, assignments, maintenance, calendar, caseFile, zone, transactionManager, clock, events);
  }

  private void setRules(long instrumentId, int granularityMinutes, int minMinutes, int maxMinutes, int leadHours) {
    fixtures.setSlotRules(instrumentId, granularityMinutes, minMinutes, maxMinutes, leadHours);
  }

  private static Attempt attempt(Callable<BookedSession> booking) throws Exception {
    try {
      return new Won(booking.call().bookingId());
    } catch (SlotUnavailableException e) {
      return new Lost(e);
    } catch (BookingRefusedException e) {
      return new Refused(e.rules());
    }
  }

  private static Attempt reserved(Reservations.Outcome outcome) {
    return outcome instanceof Reserved r ? new Won(r.bookingId()) : new NoneFound();
  }

  private List<Booking> bookingsOf(long instrumentId) {
    return bookings.findAll().stream()
        .filter(b -> b.instrumentId() == instrumentId && b.status() == BookingStatus.RESERVED)
        .collect(Collectors.toList());
  }
}
