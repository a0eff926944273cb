package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.booking.BookingFixtures.mondayAhead;
import static org.madoguchi.booking.BookingFixtures.tokyo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.booking.SelfUseQualifications.SelfUseRules;
import org.madoguchi.booking.SelfUseQualifications.Standing;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.units.AssignmentHistory;
import org.madoguchi.units.CatalogueChanges;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-use booking through the applicant API: each rule refused with a 422 naming its field and rule and
 * nothing booked, sessions within the rules booked (and on the case's trail as the applicant's), a
 * qualification lapsing without use, seen from a moved clock.
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfUseIT {

  private static final String COORDINATOR = "hana.mori@madoguchi.example";

  @Autowired TestRestTemplate rest;
  @Autowired ApiTokens apiTokens;
  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired JdbcTemplate jdbc;
  @Autowired JdbcClient jdbcClient;
  @Autowired TransactionTemplate transaction;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired SelfUseQualifications qualifications;
  @Autowired SelfUseProperties selfUseProperties;
  @Autowired CatalogueChanges catalogueChanges;
  @Autowired ExactBookings exactBookings;
  @Autowired UnitCatalogue catalogue;
  @Autowired AssignmentHistory assignments;
  @Autowired MaintenanceSchedule maintenance;
  @Autowired MadoguchiProperties facility;
  @Autowired CaseFile caseFile;

  private BookingFixtures fixtures;

  @BeforeAll
  void fixtures() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
  }

  @AfterAll
  void removeTestUnits() {
    fixtures.removeUnits();
  }

  @Test
  void eachSelfUseRuleIsRefusedNamingFieldAndRuleAndNothingIsBooked() {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, false);
    fixtures.setSlotRules(nmr.id(), 30, 30, 240, 24);
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Account account = accounts.findByEmail(applicant.email()).orElseThrow();
    CaseSummary c = fixtures.acceptedCase(unit, account);
    LocalDate monday = mondayAhead();

    assertRefused(applicant, c, nmr, monday, 10, 0, monday, 12, 0,
        List.of(rule("instrumentId", "self-use-allowed"), rule("instrumentId", "self-use-qualified")));
    qualifications.setRules(new SelfUseRules(nmr.id(), true, 2, 4), COORDINATOR);
    assertRefused(applicant, c, nmr, monday, 10, 0, monday, 12, 0, List.of(rule("instrumentId", "self-use-qualified")));
    qualifications.grant(nmr.id(), account.id(), COORDINATOR);

    Instant soon = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
    ResponseEntity<Map<String, Object>> tooSoon = applicant.post(path(c), body(nmr, soon, soon.plus(1, ChronoUnit.HOURS)));
    assertThat(tooSoon.getStatusCode().value()).isEqualTo(422);
    assertThat(errors(tooSoon)).contains(rule("start", "lead-time"));
    ResponseEntity<Map<String, Object>> tooLong = applicant.post(path(c), body(nmr, tokyo(monday, 9, 0), tokyo(monday, 14, 0)));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(422);
    assertThat(errors(tooLong)).containsExactly(rule("end", "self-use-quota"));
    qualifications.setRules(new SelfUseRules(nmr.id(), true, 2, 10), COORDINATOR);
    assertRefused(applicant, c, nmr, monday, 9, 0, monday, 14, 0, List.of(rule("end", "max-length")));
    qualifications.setRules(new SelfUseRules(nmr.id(), true, 2, 4), COORDINATOR);
    assertThat(bookingsOn(nmr)).isZero();

    ResponseEntity<Map<String, Object>> first = applicant.post(path(c), body(nmr, tokyo(monday, 10, 0), tokyo(monday, 12, 0)));
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(first.getBody()).containsEntry("start", BookingFixtures.iso(monday, 10, 0)).containsEntry("end", BookingFixtures.iso(monday, 12, 0));
    assertThat(qualifications.of(account.id(), nmr.id()).orElseThrow().lastUsedOn()).as("renewed by the session's date").isEqualTo(monday);
    assertThat(applicant.post(path(c), body(nmr, tokyo(monday.plusDays(1), 10, 0), tokyo(monday.plusDays(1), 11, 0)))
        .getStatusCode().value()).isEqualTo(201);

    LocalDate wednesday = monday.plusDays(2);
    assertRefused(applicant, c, nmr, wednesday, 10, 0, wednesday, 10, 30, List.of(rule("start", "self-use-weekly")));
    LocalDate nextMonday = monday.plusWeeks(1);
    assertRefused(applicant, c, nmr, nextMonday, 10, 0, nextMonday, 12, 0, List.of(rule("end", "self-use-quota")));
    long qualificationId = qualifications.of(account.id(), nmr.id()).orElseThrow().id();
    assertThat(qualifications.revoke(nmr.id(), qualificationId, COORDINATOR)).isTrue();
    assertThat(qualifications.of(account.id(), nmr.id()).orElseThrow().standing()).isEqualTo(Standing.REVOKED);
    assertThat(catalogueChanges.ofInstrument(nmr.id(), 10)).extracting(CatalogueChanges.Change::action)
        .as("newest first").startsWith("self-use-revoked").contains("self-use-granted", "self-use-rules-edited");
    assertRefused(applicant, c, nmr, nextMonday, 10, 0, nextMonday, 11, 0, List.of(rule("instrumentId", "self-use-qualified")));

    ApplicantClient stranger = ApplicantClient.signUp(rest, accounts, apiTokens);
    assertThat(stranger.post(path(c), body(nmr, tokyo(nextMonday, 10, 0), tokyo(nextMonday, 11, 0))).getStatusCode().value())
        .as("another applicant's case").isEqualTo(404);

    assertThat(bookingsOn(nmr)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM self_use_bookings WHERE instrument_id = ?", Integer.class, nmr.id())).isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT booked_by FROM bookings WHERE instrument_id = ?", String.class, nmr.id()))
        .containsOnly("applicant:" + applicant.email());
    assertThat(caseFile.history(c.caseId())).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo(new CaseEvent.BookingReserved(nmr.name(), monday.atTime(10, 0), monday.atTime(12, 0)));
      assertThat(e.actor().name()).isEqualTo(applicant.email());
    });
    fixtures.assertNoSlotTakenTwice();
  }

  @Test
  void aQualificationLapsesAfterThePeriodWithoutUse() {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, false);
    fixtures.setSlotRules(nmr.id(), 30, 30, 240, 24);
    qualifications.setRules(new SelfUseRules(nmr.id(), true, 3, 40), COORDINATOR);
    Account account = fixtures.newApplicant();
    CaseSummary c = fixtures.acceptedCase(unit, account);
    qualifications.grant(nmr.id(), account.id(), COORDINATOR);
    LocalDate grantedOn = qualifications.of(account.id(), nmr.id()).orElseThrow().grantedOn();
    long days = selfUseProperties.expiresAfter().toDays();
    assertThat(days).isEqualTo(180);

    assertThat(seenOn(grantedOn.plusDays(days - 1)).of(account.id(), nmr.id()).orElseThrow().standing()).isEqualTo(Standing.VALID);
    SelfUseQualifications lapsed = seenOn(grantedOn.plusDays(days));
    assertThat(lapsed.of(account.id(), nmr.id()).orElseThrow().standing()).isEqualTo(Standing.EXPIRED);
    LocalDate monday = mondayAhead();
    SelfUseBookings later = new SelfUseBookings(
        exactBookings, lapsed, catalogue, assignments, maintenance, jdbcClient, facility, transactionManager);
    assertThatThrownBy(() -> later.book(c.caseId(), account.id(), account.email(), nmr.id(), tokyo(monday, 10, 0), tokyo(monday, 11, 0)))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.refusals()).singleElement().satisfies(r -> {
          assertThat(r.rule()).isEqualTo(BookingRule.SELF_USE_EXPIRED);
          assertThat(r.field()).isEqualTo("instrumentId");
        }));
    assertThat(bookingsOn(nmr)).isZero();

    // A session renews it: the period counts from the session's date.
    SelfUseBookings today = new SelfUseBookings(
        exactBookings, qualifications, catalogue, assignments, maintenance, jdbcClient, facility, transactionManager);
    today.book(c.caseId(), account.id(), account.email(), nmr.id(), tokyo(monday, 10, 0), tokyo(monday, 11, 0));
    assertThat(seenOn(monday.plusDays(days - 1)).of(account.id(), nmr.id()).orElseThrow().valid()).isTrue();
    assertThat(seenOn(monday.plusDays(days)).of(account.id(), nmr.id()).orElseThrow().standing()).isEqualTo(Standing.EXPIRED);
  }

  // ------------------------------------------------------------------------------------------------

  private SelfUseQualifications seenOn(LocalDate day) {
    Clock moved = Clock.fixed(day.atTime(12, 0).atZone(BookingFixtures.TOKYO).toInstant(), ZoneOffset.UTC);
    return new SelfUseQualifications(jdbcClient, selfUseProperties, catalogue, catalogueChanges, BookingFixtures.TOKYO, moved);
  }

  private void assertRefused(
      ApplicantClient applicant, CaseSummary c, TestInstrument instrument, LocalDate startDay, int startHour, int startMinute,
      LocalDate endDay, int endHour, int endMinute, List<Map<String, Object>> expected) {
    long before = bookingsOn(instrument);
    ResponseEntity<Map<String, Object>> response = applicant.post(
        path(c), body(instrument, tokyo(startDay, startHour, startMinute), tokyo(endDay, endHour, endMinute)));
    assertThat(response.getStatusCode().value()).as("%s", expected).isEqualTo(422);
    assertThat(response.getBody()).containsEntry("type", "urn:madoguchi:problem:rule-violation");
    assertThat(errors(response)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(bookingsOn(instrument)).as("nothing booked").isEqualTo(before);
  }

  private static Map<String, Object> rule(String field, String rule) {
    return Map.of("field", field, "rule", rule);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
    return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
        .map(e -> rule((String) e.get("field"), (String) e.get("rule")))
        .toList();
  }

  private static String path(CaseSummary c) {
    return "/api/cases/" + c.caseNumber() + "/self-use-bookings";
  }

  private static Map<String, Object> body(TestInstrument instrument, Instant start, Instant end) {
    return Map.of(
        "instrumentId", instrument.id(),
        "start", start.atZone(BookingFixtures.TOKYO).toOffsetDateTime().toString(),
        "end", end.atZone(BookingFixtures.TOKYO).toOffsetDateTime().toString());
  }

  private int bookingsOn(TestInstrument instrument) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bookings WHERE instrument_id = ?", Integer.class, instrument.id());
  }
}
