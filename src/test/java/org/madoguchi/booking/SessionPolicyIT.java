package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.units.CatalogueAdministration;
import org.madoguchi.units.FacilityClosure;
import org.madoguchi.units.MaintenanceSchedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cancellation and no-show policy against the real database and engine: late cancellations and
 * no-shows become fee items that the deployed fee schedule prices in the engine's business rule task
 * (the path of {@code research-support}: fees.prepare, ApplyFeeSchedule, fees.assess), waived when the
 * freed time was booked again, once each; the session page's check-in and no-show rules; and a month's
 * utilisation from fixtures, on the page's CSV.
 */
@MadoguchiIT
class SessionPolicyIT {

  private static final String FEES = "session-policy-fees";
  private static final String PASSWORD = "session password 1";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired CaseFile caseFile;
  @Autowired SessionAttendance attendance;
  @Autowired UsageLedger ledger;
  @Autowired UsageRecording usage;
  @Autowired Utilisation utilisation;
  @Autowired MaintenanceSchedule maintenance;
  @Autowired CatalogueAdministration catalogue;
  @Autowired CamundaClient camunda;
  @Autowired Clock clock;

  private BookingFixtures fixtures;
  private String unit;

  @BeforeEach
  void unitWithoutLeadTime() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, tx);
    unit = fixtures.newUnit();
    camunda.newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(FEES)
                .startEvent()
                .serviceTask("PrepareFeeItems", t -> t.zeebeJobType("fees.prepare"))
                .businessRuleTask("ApplyFeeSchedule", t -> t.zeebeCalledDecisionId("fee-schedule")
                    .zeebeResultVariable("feeRule")
                    .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("feeItems").zeebeInputElement("feeItem")
                        .zeebeOutputCollection("feeRules").zeebeOutputElementExpression("feeRule")))
                .serviceTask("AssessFees", t -> t.zeebeJobType("fees.assess"))
                .endEvent()
                .done(),
            FEES + ".bpmn")
        .send()
        .join();
  }

  @AfterEach
  void removeUnit() {
    fixtures.removeUnits();
  }

  @Test
  void lateCancellationsAndNoShowsArePricedByTheFeeScheduleAndWaivedWhenTheTimeIsBookedAgain() {
    TestInstrument krios = instrument("cryo-em", 40_000);
    TestInstrument glacios = instrument("cryo-em", 20_000);
    CaseSummary c = inSupport(fixtures.acceptedCase(unit));
    CaseSummary other = fixtures.acceptedCase(unit);
    Actor applicant = Actor.applicant(c.email());
    Instant next = nextHalfHour();

    long lateKept = book(c, krios, next.plus(Duration.ofHours(3)), next.plus(Duration.ofHours(5)));
    long lateReused = book(c, krios, next.plus(Duration.ofHours(6)), next.plus(Duration.ofHours(8)));
    long inTime = book(c, krios, next.plus(Duration.ofHours(72)), next.plus(Duration.ofHours(74)));
    for (long booking : List.of(lateKept, lateReused, inTime)) {
      attendance.cancel(c.caseId(), booking, applicant, true);
    }
    assertThatThrownBy(() -> attendance.cancel(c.caseId(), lateKept, applicant, true))
        .isInstanceOfSatisfying(SessionRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(SessionRefusal.NOT_RESERVED));
    book(other, krios, next.plus(Duration.ofHours(7)), next.plus(Duration.ofHours(9)));

    Instant started = next.minus(Duration.ofMinutes(30));
    long absent = pastBooking(c, glacios, started.minus(Duration.ofHours(3)), started.minus(Duration.ofHours(1)));
    long absentReused = pastBooking(c, glacios, started, next.plus(Duration.ofHours(2)));
    Actor operator = Actor.staff("operators-" + unit, "op@madoguchi.example");
    attendance.noShow(absent, operator);
    attendance.noShow(absentReused, operator);
    book(other, glacios, next.plus(Duration.ofMinutes(30)), next.plus(Duration.ofMinutes(90)));

    assertThat(jdbc.queryForList("select id, late_cancellation from bookings where case_id = ? and status = 'CANCELLED' order by id", c.caseId()))
        .extracting(row -> row.get("late_cancellation"))
        .containsExactly(true, true, false);
    assertThat(jdbc.queryForObject("select count(*) from booking_slots where booking_id in (?, ?)", Long.class, absent, absentReused)).isZero();
    assertThat(ledger.itemsForCase(c.caseId()))
        .extracting(UsageItem::itemKind, UsageItem::quantity, UsageItem::unitCostYen, UsageItem::slotReused)
        .containsExactly(
            tuple("late-cancellation", new BigDecimal("2.000"), 40_000L, false),
            tuple("late-cancellation", new BigDecimal("2.000"), 40_000L, true),
            tuple("no-show", new BigDecimal("2.000"), 20_000L, false),
            tuple("no-show", new BigDecimal("2.500"), 20_000L, true));
    assertThat(ledger.itemsForCase(c.caseId())).extracting(UsageItem::usedOn).as("the booked days")
        .containsExactly(day(next.plus(Duration.ofHours(3))), day(next.plus(Duration.ofHours(6))), day(started.minus(Duration.ofHours(3))), day(started));

    // Through the engine and the deployed fee schedule, twice: the same four lines, once each.
    assess(c);
    long statement = assess(c);
    assertThat(jdbc.queryForList("select item_kind, rule_name, amount_yen from fee_lines where statement_id = ? order by line_no", statement))
        .extracting(row -> row.get("item_kind") + " | " + row.get("rule_name") + " | " + row.get("amount_yen"))
        .containsExactly(
            "late-cancellation | Late cancellation: 15% of large-instrument upkeep | 12000",
            "late-cancellation | Waived: the freed time was booked again | 0",
            "no-show | No-show: share of large-instrument upkeep | 12000",
            "no-show | Waived: the freed time was booked again | 0");
    assertThat(jdbc.queryForObject("select subtotal_yen from fee_statements where id = ?", Long.class, statement)).isEqualTo(24_000L);
    assertThat(events(c.caseId(), "session-cancelled-late")).isEqualTo(2);
    assertThat(events(c.caseId(), "session-cancelled")).isEqualTo(1);
    assertThat(events(c.caseId(), "session-no-show")).isEqualTo(2);
  }

  @Test
  void checkInAndNoShowFollowTheSessionsTimeAndStateWithAReason() {
    TestInstrument krios = instrument("cryo-em", 40_000);
    CaseSummary c = fixtures.acceptedCase(unit);
    Instant next = nextHalfHour();
    long later = book(c, krios, next.plus(Duration.ofHours(2)), next.plus(Duration.ofHours(4)));
    long running = pastBooking(c, krios, next.minus(Duration.ofMinutes(30)), next.plus(Duration.ofMinutes(60)));
    long missed = pastBooking(c, krios, next.minus(Duration.ofHours(3)), next.minus(Duration.ofHours(2)));
    String email = "operator-" + System.nanoTime() + "@madoguchi.example";
    accounts.assignStaffGroups(accounts.ensure(email, PASSWORD, "Unit Operator", "en", Set.of(Role.STAFF)).id(), Set.of(StaffGroup.operators(unit)));
    PortalSession operator = new PortalSession(port);
    operator.signIn(email, PASSWORD);

    assertRefused(operator.postForm("/console/sessions/" + later + "/check-in", Map.of()), "Too early");
    assertRefused(operator.postForm("/console/sessions/" + later + "/no-show", Map.of()), "has not started yet");
    assertThat(operator.postForm("/console/sessions/" + running + "/check-in", Map.of()).statusCode()).isEqualTo(302);
    assertThat(operator.get("/console/sessions/" + running).body()).contains("id=\"session-checked-in\"", "id=\"session-done\"");
    assertRefused(operator.postForm("/console/sessions/" + running + "/check-in", Map.of()), "already checked in");
    assertRefused(operator.postForm("/console/sessions/" + running + "/no-show", Map.of()), "already checked in");
    assertThat(operator.postForm("/console/sessions/" + missed + "/no-show", Map.of()).statusCode()).isEqualTo(302);
    assertRefused(operator.postForm("/console/sessions/" + missed + "/check-in", Map.of()), "no-show is already recorded");
    assertRefused(operator.postForm("/console/sessions/" + missed + "/no-show", Map.of()), "no-show is already recorded");
    // The operator then completes the task that records the session: it did not take place, so the desk decides.
    assertThat(usage.record(SessionReport.of(c.caseId(), unit, missed, 0, null, null, null, null)).outcome()).isEqualTo("returned");
    assertThat(jdbc.queryForObject("select count(*) from usage_records where booking_id = ?", Long.class, missed)).isZero();

    // The unit cancels a session that starts within the late-cancellation hours: late only when the applicant asked for it.
    long unitCancels = book(c, krios, next.plus(Duration.ofHours(6)), next.plus(Duration.ofHours(7)));
    long applicantAsked = book(c, krios, next.plus(Duration.ofHours(8)), next.plus(Duration.ofHours(9)));
    assertThat(operator.postForm("/console/sessions/" + unitCancels + "/cancellation", Map.of()).statusCode()).isEqualTo(302);
    assertThat(operator.postForm("/console/sessions/" + applicantAsked + "/cancellation", Map.of("applicantRequest", "true")).statusCode())
        .isEqualTo(302);
    assertThat(jdbc.queryForList("select late_cancellation from bookings where id in (?, ?) order by id", Boolean.class, unitCancels, applicantAsked))
        .containsExactly(false, true);
    assertThat(jdbc.queryForList("select booking_id from usage_items where booking_id in (?, ?)", Long.class, unitCancels, applicantAsked))
        .containsExactly(applicantAsked);
    assertRefused(operator.postForm("/console/sessions/" + running + "/cancellation", Map.of()), "already checked in");

    assertThat(jdbc.queryForMap("select status, checked_in_by, no_show_at from bookings where id = ?", running))
        .containsEntry("status", "RESERVED").containsEntry("checked_in_by", "staff:operators-" + unit + ":" + email)
        .containsEntry("no_show_at", null);
    assertThat(jdbc.queryForObject("select status from bookings where id = ?", String.class, missed)).isEqualTo("NO_SHOW");
    assertThat(jdbc.queryForList("select action, actor from case_events where case_id = ? and action like 'session-%' order by id", c.caseId()))
        .extracting(row -> row.get("action") + " by " + row.get("actor"))
        .containsExactly(
            "session-checked-in by staff:operators-" + unit + ":" + email, "session-no-show by staff:operators-" + unit + ":" + email,
            "session-cancelled by staff:operators-" + unit + ":" + email, "session-cancelled-late by staff:operators-" + unit + ":" + email);
  }

  /**
   * February 2026 in Tokyo: 20 weekdays, two public holidays (11th, 23rd) and a facility closure on the
   * 27th leave 17 days of 09:00-18:00 = 153 opening hours.
   */
  @Test
  void aMonthsUtilisationIsExactAndItsCsvReadsBack() throws Exception {
    TestInstrument krios = instrument("cryo-em", 40_000);
    CaseSummary c = fixtures.acceptedCase(unit);
    LocalDate feb = LocalDate.of(2026, 2, 1);
    long completed = pastBooking(c, krios, BookingFixtures.tokyo(feb.withDayOfMonth(2), 9, 0), BookingFixtures.tokyo(feb.withDayOfMonth(2), 13, 0));
    jdbc.update("update bookings set status = 'COMPLETED' where id = ?", completed);
    jdbc.update("insert into usage_records (booking_id, case_id, unit_code, instrument_id, actual_hours, dataset_count, recorded_at)"
        + " values (?, ?, ?, ?, 3.5, 0, UTC_TIMESTAMP(6))", completed, c.caseId(), unit, krios.id());
    pastBooking(c, krios, BookingFixtures.tokyo(feb.withDayOfMonth(3), 10, 0), BookingFixtures.tokyo(feb.withDayOfMonth(3), 12, 0));
    long noShow = pastBooking(c, krios, BookingFixtures.tokyo(feb.withDayOfMonth(4), 9, 0), BookingFixtures.tokyo(feb.withDayOfMonth(4), 10, 30));
    jdbc.update("update bookings set status = 'NO_SHOW' where id = ?", noShow);
    long cancelled = pastBooking(c, krios, BookingFixtures.tokyo(feb.withDayOfMonth(5), 9, 0), BookingFixtures.tokyo(feb.withDayOfMonth(5), 17, 0));
    jdbc.update("update bookings set status = 'CANCELLED' where id = ?", cancelled);
    pastBooking(c, krios, BookingFixtures.tokyo(LocalDate.of(2026, 1, 31), 22, 0), BookingFixtures.tokyo(feb, 2, 0));
    maintenance.schedule(krios.id(), BookingFixtures.tokyo(feb.withDayOfMonth(10), 9, 0), BookingFixtures.tokyo(feb.withDayOfMonth(10), 15, 0), "Column alignment");
    FacilityClosure closure = catalogue.addClosure("admin@madoguchi.example", feb.withDayOfMonth(27), "Building inspection");
    try {
      assertThat(utilisation.month(YearMonth.of(2026, 2), List.of(unit))).singleElement().satisfies(row -> {
        assertThat(row.openingHours()).isEqualByComparingTo("153");
        assertThat(row.bookedHours()).isEqualByComparingTo("9.5");
        assertThat(row.usedHours()).isEqualByComparingTo("3.5");
        assertThat(row.maintenanceHours()).isEqualByComparingTo("6");
        assertThat(row.noShowHours()).isEqualByComparingTo("1.5");
        assertThat(row.idleHours()).isEqualByComparingTo("137.5");
      });

      String email = "coordinator-" + System.nanoTime() + "@madoguchi.example";
      accounts.assignStaffGroups(
          accounts.ensure(email, PASSWORD, "Unit Coordinator", "ja", Set.of(Role.STAFF)).id(), Set.of(StaffGroup.unitCoordinators(unit)));
      PortalSession coordinator = new PortalSession(port);
      coordinator.signIn(email, PASSWORD);
      coordinator.postForm("/language", Map.of("lang", "ja", "returnTo", "/console"));
      HttpResponse<String> csv = coordinator.get("/console/utilisation.csv?month=2026-02");
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      assertThat(csv.body()).startsWith("\uFEFF");
      try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(csv.body().substring(1)))) {
        assertThat(parser.getHeaderNames())
            .containsExactly("ユニット", "装置", "装置種別", "開館時間", "予約時間", "利用時間", "メンテナンス時間", "空き時間", "ノーショー時間");
        List<CSVRecord> records = parser.getRecords();
        assertThat(records).singleElement().satisfies(r -> assertThat(r.values())
            .containsExactly(unit, krios.name(), "cryo-em", "153.00", "9.50", "3.50", "6.00", "137.50", "1.50"));
      }
      assertThat(coordinator.get("/console/utilisation?month=2026-02").body()).contains(krios.name(), "137.50");
      assertThat(coordinator.get("/console/utilisation?month=Feb").statusCode()).isEqualTo(400);
    } finally {
      catalogue.removeClosure("admin@madoguchi.example", closure.id());
    }
  }

  private void assertRefused(HttpResponse<String> answer, String reason) {
    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.body()).contains("id=\"session-refusal\"").contains(reason);
  }

  private TestInstrument instrument(String instrumentClass, long hourlyYen) {
    TestInstrument instrument = fixtures.newInstrument(unit, instrumentClass, hourlyYen, true);
    jdbc.update("update instruments set lead_time_hours = 0 where id = ?", instrument.id());
    return instrument;
  }

  /** The case as the engine registered it, then accepted by the desk, as the fee steps find it. */
  private CaseSummary inSupport(CaseSummary submitted) {
    await("case registered").atMost(Duration.ofSeconds(60))
        .until(() -> caseFile.get(submitted.caseId()).status() == CaseStatus.IN_CONSULTATION);
    tx.executeWithoutResult(s -> caseFile.transition(
        submitted.caseId(), CaseStatus.IN_SUPPORT, new CaseEvent.ConsultationAccepted(List.of(unit), null), Actor.staff("desk")));
    return caseFile.get(submitted.caseId());
  }

  /** Held directly, as a booking path would hold it: the sessions lie near now, and today may be a public holiday. */
  private long book(CaseSummary c, TestInstrument instrument, Instant start, Instant end) {
    return fixtures.heldBooking(c.caseId(), unit, instrument.id(), start, end);
  }

  private long pastBooking(CaseSummary c, TestInstrument instrument, Instant start, Instant end) {
    return fixtures.heldBooking(c.caseId(), unit, instrument.id(), start, end);
  }

  private long assess(CaseSummary c) {
    Map<String, Object> result = camunda.newCreateInstanceCommand().bpmnProcessId(FEES).latestVersion()
        .variables(Map.of("caseId", c.caseId())).withResult().fetchVariables("statementId").requestTimeout(Duration.ofSeconds(60))
        .send().join().getVariablesAsMap();
    return ((Number) result.get("statementId")).longValue();
  }

  private static LocalDate day(Instant start) {
    return start.atZone(BookingFixtures.TOKYO).toLocalDate();
  }

  private Instant nextHalfHour() {
    return BookingFixtures.nextHalfHour(clock.instant());
  }

  private long events(long caseId, String action) {
    return jdbc.queryForObject("select count(*) from case_events where case_id = ? and action = ?", Long.class, caseId, action);
  }
}
