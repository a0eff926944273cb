package org.madoguchi.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.booking.Reservations.NoSlot;
import org.madoguchi.booking.Reservations.Outcome;
import org.madoguchi.booking.Reservations.Reserved;
import org.madoguchi.cases.Cancellations;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.audit.RecordedEvent;
import org.madoguchi.cases.Submissions;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.UnitSupportResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.madoguchi.booking.BookingFixtures.concurrently;
import static org.madoguchi.booking.BookingFixtures.iso;
import static org.madoguchi.booking.BookingFixtures.key;
import static org.madoguchi.booking.BookingFixtures.mondayAhead;
import static org.madoguchi.booking.BookingFixtures.tokyo;

@MadoguchiIT
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingIT {

  @Autowired Reservations reservations;
  @Autowired UsageRecording usage;
  @Autowired UsageLedger ledger;
  @Autowired BookingRepository bookings;
  @Autowired UsageRecordRepository usageRecords;
  @Autowired UsageItemRecordRepository usageItems;
  @Autowired BookingSlots slots;
  @Autowired MaintenanceSchedule maintenance;
  @Autowired Submissions submissions;
  @Autowired Cancellations cancellations;
  @Autowired CaseFile caseFile;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEvents events;

  private BookingFixtures fixtures;

  @BeforeAll
  void fixtures() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
  }

  @AfterAll
  void removeTestUnits() {
    fixtures.removeUnits();
  }

  // (a) concurrency -------------------------------------------------------------------------------

  @Test
  void twoConcurrentReservationsForTheOnlyFreeSlotGiveOneBookingAndOneNoSlot() throws Exception {
    String unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 50_000, true);
    LocalDate monday = mondayAhead();
    // Everything but Monday 09:00-09:30 is under maintenance for longer than the search horizon.
    maintenance.schedule(krios.id(), tokyo(monday, 9, 30), tokyo(monday.plusDays(200), 0, 0), "Autoloader overhaul");
    ReservationRequest first = request(fixtures.newCase(), unit, "0.5", "cryo-em", monday);
    ReservationRequest second = request(fixtures.newCase(), unit, "0.5", "cryo-em", monday);

    List<Outcome> outcomes = concurrently(List.of(() -> reservations.reserve(first), () -> reservations.reserve(second)));

    assertThat(outcomes).filteredOn(Reserved.class::isInstance).singleElement().satisfies(o -> {
      Reserved reserved = (Reserved) o;
      assertThat(reserved.instrumentName()).isEqualTo(krios.name());
      assertThat(reserved.slotStart()).isEqualTo(iso(monday, 9, 0)).endsWith("+09:00");
      assertThat(reserved.slotEnd()).isEqualTo(iso(monday, 9, 30));
    });
    assertThat(outcomes).filteredOn(NoSlot.class::isInstance).singleElement()
        .satisfies(o -> assertThat(((NoSlot) o).message()).contains("No free 0.5 h session").contains(unit));
    assertThat(fixtures.slotRows(krios.id())).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bookings WHERE instrument_id = ?", Integer.class, krios.id()))
        .as("the loser's provisional booking row is gone").isEqualTo(1);
    fixtures.assertNoSlotTakenTwice();
  }

  @Test
  void manyConcurrentReservationsGetDistinctNonOverlappingSessions() throws Exception {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    LocalDate monday = mondayAhead();
    List<Callable<Outcome>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ReservationRequest request = request(fixtures.newCase(), unit, "2", null, monday);
      calls.add(() -> reservations.reserve(request));
    }

    List<Outcome> outcomes = concurrently(calls);

    assertThat(outcomes).allMatch(Reserved.class::isInstance);
    assertThat(outcomes).extracting(o -> ((Reserved) o).slotStart())
        .containsExactlyInAnyOrder(
            iso(monday, 9, 0), iso(monday, 11, 0), iso(monday, 13, 0), iso(monday, 15, 0),
            iso(monday.plusDays(1), 9, 0), iso(monday.plusDays(1), 11, 0));
    assertThat(fixtures.slotRows(nmr.id())).isEqualTo(24);
    for (Outcome o : outcomes) {
      Booking booking = bookings.findById(((Reserved) o).bookingId()).orElseThrow();
      assertThat(slots.heldBy(booking.id()))
          .containsExactlyElementsOf(SlotPlanner.slotStarts(booking.slotStart(), 4));
    }
    fixtures.assertNoSlotTakenTwice();
  }

  @Test
  void aReservationThatLosesTheRaceForItsSlotTakesTheNextFreeOne() throws Exception {
    String unit = fixtures.newUnit();
    TestInstrument saxs = fixtures.newInstrument(unit, "saxs", 12_000, false);
    LocalDate monday = mondayAhead();
    Reserved early = (Reserved) reservations.reserve(request(fixtures.newCase(), unit, "0.5", "saxs", monday));
    assertThat(early.slotStart()).isEqualTo(iso(monday, 9, 0));
    CountDownLatch rivalHolds = new CountDownLatch(1);
    CountDownLatch rivalMayCommit = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // A rival transaction (think: another application instance) takes 09:30 and stays open.
      Future<Boolean> rival = pool.submit(() -> transaction.execute(status -> {
        boolean held = slots.tryHold(saxs.id(), List.of(tokyo(monday, 9, 30)), early.bookingId());
        rivalHolds.countDown();
        await(rivalMayCommit);
        return held;
      }));
      await(rivalHolds);
      // Our reservation cannot see the uncommitted rival row, chooses 09:30 and blocks on its insert ...
      Future<Outcome> ours = pool.submit(() -> reservations.reserve(request(fixtures.newCase(), unit, "0.5", "saxs", monday)));
      Awaitility.await("reservation waiting for the rival's lock")
          .atMost(Duration.ofSeconds(30))
          .until(() -> jdbc.queryForObject(
              "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'", Integer.class) > 0);
      // ... until the rival commits: then the primary key refuses it and it moves on.
      rivalMayCommit.countDown();

      assertThat(rival.get(60, TimeUnit.SECONDS)).isTrue();
      assertThat(ours.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(Reserved.class,
          r -> assertThat(r.slotStart()).isEqualTo(iso(monday, 10, 0)));
    } finally {
      rivalMayCommit.countDown();
      pool.shutdownNow();
    }
    assertThat(fixtures.slotRows(saxs.id())).isEqualTo(3);
    fixtures.assertNoSlotTakenTwice();
  }

  @Test
  void theDatabaseItselfRefusesAnOverlappingSlot() {
    String unit = fixtures.newUnit();
    TestInstrument xray = fixtures.newInstrument(unit, "xray", 30_000, true);
    LocalDate monday = mondayAhead();
    Reserved reserved = (Reserved) reservations.reserve(request(fixtures.newCase(), unit, "1", "xray", monday));

    assertThatThrownBy(
            () -> jdbc.update(
                "INSERT INTO booking_slots (instrument_id, slot_start, booking_id) VALUES (?, ?, ?)",
                xray.id(), BookingSlots.utc(tokyo(monday, 9, 30)), reserved.bookingId()))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () -> jdbc.update(
                "INSERT INTO booking_slots (instrument_id, slot_start, booking_id) VALUES (?, ?, ?)",
                xray.id(), BookingSlots.utc(tokyo(monday, 9, 15)), reserved.bookingId()))
        .as("slots off the 30-minute grid could overlap, so the grid is a constraint too")
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(fixtures.slotRows(xray.id())).isEqualTo(2);
  }

  // (b) idempotent reservation --------------------------------------------------------------------

  @Test
  void aRepeatedJobGetsTheSameBooking() {
    String unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 50_000, true);
    CaseSummary c = fixtures.newCase();
    ReservationRequest request = request(c, unit, "2", "cryo-em", mondayAhead());

    Reserved first = (Reserved) reservations.reserve(request);
    Reserved again = (Reserved) reservations.reserve(request);

    assertThat(again).isEqualTo(first);
    assertThat(bookings.findByCaseIdOrderById(c.caseId())).hasSize(1);
    assertThat(fixtures.slotRows(krios.id())).isEqualTo(4);
    assertThat(actions(c.caseId())).containsOnlyOnce("booking-reserved");
  }

  @Test
  void aSecondReservationOfTheSameInstanceReplacesTheFirst() {
    String unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 50_000, true);
    CaseSummary c = fixtures.newCase();
    LocalDate monday = mondayAhead();
    ReservationRequest request = request(c, unit, "2", "cryo-em", monday);
    Reserved first = (Reserved) reservations.reserve(request);

    ReservationRequest rerun =
        new ReservationRequest(c.caseId(), unit, new BigDecimal("3"), "cryo-em", monday, request.processInstanceKey(), key());
    Reserved second = (Reserved) reservations.reserve(rerun);

    assertThat(second.bookingId()).isNotEqualTo(first.bookingId());
    assertThat(second.slotStart()).isEqualTo(iso(monday, 9, 0));
    assertThat(second.slotEnd()).isEqualTo(iso(monday, 12, 0));
    assertThat(bookings.findById(first.bookingId()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(slots.heldBy(first.bookingId())).isEmpty();
    assertThat(fixtures.slotRows(krios.id())).isEqualTo(6);
  }

  // (c) usage -------------------------------------------------------------------------------------

  @Test
  void recordingUsageTwiceRecordsItOnceWithUpkeepOperatorTimeAndConsumables() {
    String unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 50_000, true);
    CaseSummary c = fixtures.newCase();
    Reserved booked = (Reserved) reservations.reserve(request(c, unit, "3", "cryo-em", mondayAhead()));
    SessionReport report =
        SessionReport.of(
            c.caseId(), unit, booked.bookingId(), 2.5,
            List.of(
                Map.of("item", "Quantifoil R1.2/1.3 Cu 300 grids", "kind", "consumable", "quantity", 4, "unitCostYen", 1800),
                Map.of("item", "LMNG detergent", "kind", "reagent", "quantity", 0.5, "unitCostYen", 42000)),
            "ELN-2026-0042",
            List.of(
                Map.of("title", "Raw movies, grid 3", "dataType", "cryo-em-movies", "sizeGb", 3500),
                Map.of("title", "Processed map", "dataType", "cryo-em-map", "sizeGb", 1.2)),
            "Good ice on grid 3");

    UnitSupportResult first = usage.record(report);
    UnitSupportResult again = usage.record(report);

    assertThat(again).isEqualTo(first);
    assertThat(first.unitCode()).isEqualTo(unit);
    assertThat(first.outcome()).isEqualTo("completed");
    UsageRecord record = usageRecords.findByBookingId(booked.bookingId()).orElseThrow();
    assertThat(record.id()).isEqualTo(first.usageRecordId());
    assertThat(usageRecords.findByCaseIdOrderById(c.caseId())).hasSize(1);
    assertThat(record.actualHours()).isEqualByComparingTo("2.5");
    assertThat(record.elnReference()).isEqualTo("ELN-2026-0042");
    assertThat(record.datasetCount()).isEqualTo(2);

    List<UsageItem> items = ledger.itemsForCase(c.caseId());
    assertThat(items).extracting(UsageItem::itemKind)
        .containsExactly("instrument-upkeep", "operator-time", "consumable", "reagent");
    assertThat(items).extracting(UsageItem::instrumentClass).containsOnly("cryo-em");
    assertThat(items).extracting(UsageItem::unitCode).containsOnly(unit);
    assertThat(items).extracting(i -> i.quantity().multiply(BigDecimal.valueOf(i.unitCostYen())).longValue())
        .containsExactly(125_000L, 15_000L, 7_200L, 21_000L);
    assertThat(items.get(0).description()).isEqualTo(krios.name());
    assertThat(items.get(0).unitCostYen()).isEqualTo(50_000);
    assertThat(items.get(1).unitCostYen()).as("madoguchi.fees.operator-hourly-yen default").isEqualTo(6_000);
    assertThat(items).extracting(UsageItem::usedOn).containsOnly(dayOf(booked));
    assertThat(usageItems.findByUsageRecordIdOrderByLineNo(record.id())).hasSize(4);

    assertThat(bookings.findById(booked.bookingId()).orElseThrow().status()).isEqualTo(BookingStatus.COMPLETED);
    assertThat(events.stream(UsageRecorded.class)).singleElement().satisfies(e -> {
      assertThat(e.caseId()).isEqualTo(c.caseId());
      assertThat(e.usageRecordId()).isEqualTo(record.id());
      assertThat(e.datasets()).extracting(UsageRecorded.ProducedDataset::title)
          .containsExactly("Raw movies, grid 3", "Processed map");
      assertThat(e.datasets().get(1).sizeGb()).isEqualByComparingTo("1.2");
    });
    assertThat(actions(c.caseId())).containsOnlyOnce("usage-recorded");
    assertThat(ledger.anyUsageRecorded(c.caseId())).isTrue();
  }

  @Test
  void operatorHoursPastTheBookedSessionAreOvertimeAtThePremiumOnTheSessionsDay() {
    String unit = fixtures.newUnit();
    fixtures.newInstrument(unit, "cryo-em", 50_000, true);
    CaseSummary c = fixtures.newCase();
    Reserved booked = (Reserved) reservations.reserve(request(c, unit, "3", "cryo-em", mondayAhead()));

    usage.record(SessionReport.of(c.caseId(), unit, booked.bookingId(), 4.5, null, "ELN-OT", null, null));

    assertThat(ledger.itemsForCase(c.caseId()))
        .extracting(UsageItem::itemKind, UsageItem::quantity, UsageItem::unitCostYen, UsageItem::usedOn)
        .containsExactly(
            tuple("instrument-upkeep", new BigDecimal("4.500"), 50_000L, dayOf(booked)),
            tuple("operator-time", new BigDecimal("3.000"), 6_000L, dayOf(booked)),
            tuple("operator-overtime", new BigDecimal("1.500"), 7_500L, dayOf(booked)));
  }

  /** The facility-local day a reservation starts on. */
  private static LocalDate dayOf(Reserved booked) {
    return OffsetDateTime.parse(booked.slotStart()).atZoneSameInstant(BookingFixtures.TOKYO).toLocalDate();
  }

  @Test
  void onceUsageIsRecordedTheCaseCannotBeCancelled() {
    String unit = fixtures.newUnit();
    fixtures.newInstrument(unit, "confocal", 3_000, false);
    CaseSummary c = fixtures.newCase();
    assertThat(ledger.anyUsageRecorded(c.caseId())).isFalse();
    Reserved booked = (Reserved) reservations.reserve(request(c, unit, "1", null, mondayAhead()));
    usage.record(SessionReport.of(c.caseId(), unit, booked.bookingId(), 1, null, "ELN-1", null, null));

    assertThatThrownBy(() -> cancellations.requestCancellation(c.caseNumber(), c.accountId(), "No longer needed"))
        .isInstanceOf(StateConflictException.class)
        .extracting(e -> ((StateConflictException) e).messageKey())
        .isEqualTo("booking.cancel.usage-recorded");
    assertThat(actions(c.caseId())).doesNotContain("cancellation-requested");
  }

  @Test
  void usageOfAnotherCasesBookingOrOfACancelledBookingIsRefusedAndNothingIsWritten() {
    String unit = fixtures.newUnit();
    fixtures.newInstrument(unit, "mass-spec", 12_000, true);
    CaseSummary owner = fixtures.newCase();
    CaseSummary other = fixtures.newCase();
    Reserved booked = (Reserved) reservations.reserve(request(owner, unit, "1", null, mondayAhead()));

    assertThatThrownBy(() -> usage.record(SessionReport.of(other.caseId(), unit, booked.bookingId(), 1, null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to case " + owner.caseId());

    cancellations.completeCancellation(owner.caseId());
    assertThatThrownBy(() -> usage.record(SessionReport.of(owner.caseId(), unit, booked.bookingId(), 1, null, null, null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CANCELLED");
    assertThat(usageRecords.findByBookingId(booked.bookingId())).isEmpty();
    assertThat(events.stream(UsageRecorded.class)).isEmpty();
  }

  // (d) cancellation ------------------------------------------------------------------------------

  @Test
  void cancellingTheCaseReleasesItsBookingsAndFreesTheSlots() {
    String unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 50_000, true);
    LocalDate monday = mondayAhead();
    CaseSummary c = fixtures.newCase();
    Reserved morning = (Reserved) reservations.reserve(request(c, unit, "2", "cryo-em", monday));
    Reserved later = (Reserved) reservations.reserve(request(c, unit, "2", "cryo-em", monday));
    assertThat(fixtures.slotRows(krios.id())).isEqualTo(8);

    cancellations.completeCancellation(c.caseId());
    cancellations.completeCancellation(c.caseId());

    for (Reserved r : List.of(morning, later)) {
      assertThat(bookings.findById(r.bookingId()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
      assertThat(slots.heldBy(r.bookingId())).isEmpty();
    }
    assertThat(fixtures.slotRows(krios.id())).isZero();
    assertThat(actions(c.caseId())).filteredOn("booking-released"::equals).hasSize(2);

    Reserved next = (Reserved) reservations.reserve(request(fixtures.newCase(), unit, "2", "cryo-em", monday));
    assertThat(next.slotStart()).as("the freed morning is bookable again").isEqualTo(iso(monday, 9, 0));
  }

  // (e) maintenance -------------------------------------------------------------------------------

  @Test
  void maintenanceWindowsAreRespectedAcrossTheUnitsInstruments() {
    String unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 50_000, true);
    TestInstrument glacios = fixtures.newInstrument(unit, "cryo-em", 20_000, false);
    LocalDate monday = mondayAhead();
    maintenance.schedule(krios.id(), tokyo(monday, 8, 0), tokyo(monday, 13, 0), "Cryogen refill and gun conditioning");
    maintenance.schedule(glacios.id(), tokyo(monday, 13, 0), tokyo(monday.plusDays(1), 0, 0), "Stage service");

    Reserved first = (Reserved) reservations.reserve(request(fixtures.newCase(), unit, "2", "cryo-em", monday));
    Reserved second = (Reserved) reservations.reserve(request(fixtures.newCase(), unit, "2", "cryo-em", monday));
    Reserved third = (Reserved) reservations.reserve(request(fixtures.newCase(), unit, "2", "cryo-em", monday));
    Reserved fourth = (Reserved) reservations.reserve(request(fixtures.newCase(), unit, "3", "cryo-em", monday));

    assertThat(List.of(first, second, third, fourth))
        .extracting(Reserved::instrumentName, Reserved::slotStart)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(glacios.name(), iso(monday, 9, 0)),
            org.assertj.core.groups.Tuple.tuple(glacios.name(), iso(monday, 11, 0)),
            org.assertj.core.groups.Tuple.tuple(krios.name(), iso(monday, 13, 0)),
            org.assertj.core.groups.Tuple.tuple(krios.name(), iso(monday, 15, 0)));
  }

  @Test
  void noSuitableInstrumentIsNoSlotWithAReasonRecordedOnce() {
    String unit = fixtures.newUnit();
    fixtures.newInstrument(unit, "cryo-em", 50_000, true);
    CaseSummary c = fixtures.newCase();
    ReservationRequest request = request(c, unit, "2", "nmr", mondayAhead());

    Outcome outcome = reservations.reserve(request);
    reservations.reserve(request);

    assertThat(outcome).isInstanceOfSatisfying(NoSlot.class,
        none -> assertThat(none.message()).contains("no bookable instrument of class nmr"));
    assertThat(bookings.findByCaseIdOrderById(c.caseId())).isEmpty();
    assertThat(actions(c.caseId())).containsOnlyOnce("booking-no-slot");
  }

  // helpers ---------------------------------------------------------------------------------------

  private static ReservationRequest request(CaseSummary c, String unit, String hours, String instrumentClass, LocalDate start) {
    return new ReservationRequest(c.caseId(), unit, new BigDecimal(hours), instrumentClass, start, key(), key());
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> actions(long caseId) {
    return caseFile.history(caseId).stream().map(RecordedEvent::action).toList();
  }
}
