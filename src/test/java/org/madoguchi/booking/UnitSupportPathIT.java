package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The unit-support model with the real workers on the embedded engine: variables as the forms send
 * them reach units.record-assignment, booking.reserve (and its NO_SLOT error) and booking.record-usage.
 */
@MadoguchiIT
class UnitSupportPathIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired BookingRepository bookings;
  @Autowired UsageRecordRepository usageRecords;
  @Autowired UsageLedger ledger;

  private final ProcessDriver engine = ProcessDriver.onEmbeddedEngine();

  @Test
  void anAcceptedUnitBooksAnInstrumentAndRecordsTheSession() {
    Journey journey = new Journey(engine, jdbc);
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    journey.deskAccepts(run, "imaging");
    journey.unitAccepts(run, "imaging", 2.5, "confocal");

    engine.awaitActive(run.instance(), "InstrumentSession");
    Booking booking = bookings.findByCaseIdOrderById(run.caseId()).getFirst();
    assertThat(booking.status()).isEqualTo(BookingStatus.RESERVED);
    assertThat(booking.unitCode()).isEqualTo("imaging");
    assertThat(booking.requestedHours()).isEqualByComparingTo("2.5");
    assertThat(booking.slotStart()).isAfterOrEqualTo(
        LocalDate.now(BookingFixtures.TOKYO).plusDays(14).atStartOfDay(BookingFixtures.TOKYO).toInstant());

    journey.operatorRecordsSession(
        run, "imaging", 2.0,
        List.of(Journey.consumable("Glass-bottom dishes", "consumable", 6, 900)),
        List.of(Journey.dataset("Airyscan z-stacks", "images", 12.5)));

    engine.awaitPassed(run.instance(), "RecordUsage");
    assertThat(bookings.findById(booking.id()).orElseThrow().status()).isEqualTo(BookingStatus.COMPLETED);
    assertThat(usageRecords.findByBookingId(booking.id())).isPresent();
    assertThat(ledger.itemsForCase(run.caseId())).extracting(UsageItem::itemKind)
        .containsExactly("instrument-upkeep", "consumable");
    assertThat(journey.datasetIds(run)).hasSize(1);
    assertThat(journey.timeline(run)).contains("unit-accepted", "booking-reserved", "usage-recorded");
  }

  @Test
  void noSlotSendsTheUnitToRescheduleAndCancellingReleasesTheBooking() {
    Journey journey = new Journey(engine, jdbc);
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    journey.deskAccepts(run, "imaging");
    // The imaging unit has no cryo-EM: no slot, the coordinator reschedules on the light-sheet.
    journey.unitAccepts(run, "imaging", 3, "cryo-em");

    engine.complete(run.instance(), "Reschedule", Map.of(
        "preferredStart", LocalDate.now(BookingFixtures.TOKYO).plusDays(21).toString(),
        "estimatedHours", 3,
        "instrumentClass", "light-sheet"));
    engine.awaitActive(run.instance(), "InstrumentSession");
    Booking booking = bookings.findByCaseIdOrderById(run.caseId()).getFirst();
    assertThat(booking.status()).isEqualTo(BookingStatus.RESERVED);
    assertThat(journey.timeline(run)).contains("booking-no-slot", "booking-reserved");

    assertThat(applicant.post("/api/cases/" + run.caseNumber() + "/cancellation", Map.of("reason", "Project stopped"))
            .getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    journey.awaitStatus(run, "CANCELLED");
    assertThat(bookings.findById(booking.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_slots WHERE booking_id = ?", Integer.class, booking.id())).isZero();
    assertThat(journey.timeline(run)).contains("booking-released");
  }
}
