package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.booking.BookingFixtures.concurrently;
import static org.madoguchi.booking.BookingFixtures.mondayAhead;
import static org.madoguchi.booking.BookingFixtures.tokyo;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
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
import org.madoguchi.booking.SlotProposals.ProposalView;
import org.madoguchi.booking.SlotProposals.ProposedSlot;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.testsupport.ProcessDriver;
import org.madoguchi.units.JapanesePublicHolidays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slots chosen by people on the embedded engine with the real workers: the coordinator proposes, the
 * applicant picks (booked with the choice) and the operator's session is recorded on that booking; other
 * dates, the reminder and the withdrawal take the case back to the coordinator; a slot taken meanwhile
 * and two tabs answering at once give one clear answer; bad proposals are refused naming slot and rule.
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlotProposalIT {

  /** The imaging unit's seeded confocal microscope (V20). */
  private static final long CONFOCAL = 7;
  private static final String PASSWORD = "coordinator-password-1";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired Submissions submissions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired SlotProposals proposals;
  @Autowired ExactBookings exactBookings;
  @Autowired BookingRepository bookings;

  private final ProcessDriver engine = ProcessDriver.onEmbeddedEngine();
  private BookingFixtures fixtures;
  private Journey journey;

  @BeforeAll
  void fixtures() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
    journey = new Journey(engine, jdbc);
  }

  @AfterAll
  void removeTestUnits() {
    jdbc.update("DELETE s FROM slot_proposal_slots s JOIN slot_proposals p ON p.id = s.proposal_id WHERE p.unit_code LIKE 'it-%'");
    jdbc.update("DELETE FROM slot_proposals WHERE unit_code LIKE 'it-%'");
    fixtures.removeUnits();
  }

  @Test
  void aSlotThePersonPicksIsBookedAndItsSessionRecorded() {
    CaseRun run = caseAwaitingScheduling();
    LocalDate day = farDay();
    ProposalView proposal = proposals.propose(run.caseId(), "imaging", List.of(
        new ProposedSlot(CONFOCAL, tokyo(day, 9, 0), tokyo(day, 11, 0)),
        new ProposedSlot(CONFOCAL, tokyo(day.plusDays(1), 13, 0), tokyo(day.plusDays(1), 15, 30))), coordinator());

    engine.awaitActive(run.instance(), "AwaitSlotChoice");
    assertThat(engine.isActive(run.instance(), "ScheduleSession")).as("the proposal ended the scheduling task").isFalse();
    assertThat(journey.mailTemplates(run)).contains("slots-proposed");

    ExactBookings.BookedSession booked = proposals.choose(run.caseId(), proposal.id(), 2, Actor.applicant(run.applicant().email()));

    engine.awaitActive(run.instance(), "InstrumentSession");
    assertThat(engine.hasPassed(run.instance(), "ReserveInstrument")).as("no earliest-slot booking").isFalse();
    assertThat(engine.latestVariable(run.instance(), "bookingId")).contains(Long.toString(booked.bookingId()));
    Booking booking = bookings.findById(booked.bookingId()).orElseThrow();
    assertThat(booking.slotStart()).isEqualTo(tokyo(day.plusDays(1), 13, 0));
    assertThat(booking.processInstanceKey()).as("chosen by a person, not by the engine").isNull();
    assertThat(proposals.ofCase(run.caseId()).getFirst().chosenNumber()).isEqualTo(2);

    journey.operatorRecordsSession(run, "imaging", 2.5, List.of(), List.of(Journey.dataset("Confocal stacks", "images", 3)));
    engine.awaitPassed(run.instance(), "RecordUsage");
    assertThat(bookings.findById(booked.bookingId()).orElseThrow().status()).isEqualTo(BookingStatus.COMPLETED);
    assertThat(journey.timeline(run)).containsSubsequence("slots-proposed", "booking-reserved", "slot-chosen", "usage-recorded");
  }

  @Test
  void otherDatesTakeTheCaseBackToTheCoordinatorWithTheApplicantsComment() {
    CaseRun run = caseAwaitingScheduling();
    LocalDate day = farDay();
    ProposalView proposal = proposals.propose(
        run.caseId(), "imaging", List.of(new ProposedSlot(CONFOCAL, tokyo(day, 10, 0), tokyo(day, 12, 0))), coordinator());
    engine.awaitActive(run.instance(), "AwaitSlotChoice");

    proposals.askForOtherDates(run.caseId(), proposal.id(), "  Any Tuesday in the following month, please.  ", Actor.applicant(run.applicant().email()));

    awaitSchedulingAgain(run);
    assertThat(engine.latestVariable(run.instance(), "schedulingNote")).contains("\"Any Tuesday in the following month, please.\"");
    assertThat(engine.latestVariable(run.instance(), "proposalOutcome")).contains("\"other-dates\"");
    ProposalView answered = proposals.ofCase(run.caseId()).getFirst();
    assertThat(answered.status()).isEqualTo("OTHER_DATES");
    assertThat(answered.applicantComment()).isEqualTo("Any Tuesday in the following month, please.");
    assertThat(bookings.findByCaseIdOrderById(run.caseId())).isEmpty();
    assertThat(journey.timeline(run)).contains("other-dates-requested");

    // The coordinator now takes the earliest free slot instead.
    journey.unitBooksEarliestSlot(run, "imaging");
    engine.awaitActive(run.instance(), "InstrumentSession");
    assertThat(engine.hasPassed(run.instance(), "ReserveInstrument")).isTrue();
  }

  @Test
  void anUnansweredProposalIsRemindedThenWithdrawn() {
    CaseRun run = caseAwaitingScheduling();
    LocalDate day = farDay();
    proposals.propose(run.caseId(), "imaging", List.of(new ProposedSlot(CONFOCAL, tokyo(day, 14, 0), tokyo(day, 16, 0))), coordinator());
    engine.awaitActive(run.instance(), "AwaitSlotChoice");

    engine.advanceTime(Duration.ofDays(3).plusHours(1));
    engine.awaitPassed(run.instance(), "RemindProposal");
    assertThat(engine.isActive(run.instance(), "AwaitSlotChoice")).as("the reminder does not end the wait").isTrue();
    assertThat(journey.mailTemplates(run)).containsSubsequence("slots-proposed", "slots-proposal-reminder");

    engine.advanceTime(Duration.ofDays(4));
    engine.awaitPassed(run.instance(), "WithdrawProposal");
    awaitSchedulingAgain(run);
    assertThat(proposals.ofCase(run.caseId()).getFirst().status()).isEqualTo("WITHDRAWN");
    assertThat(engine.latestVariable(run.instance(), "proposalOutcome")).contains("\"withdrawn\"");
    assertThat(journey.timeline(run)).containsSubsequence("slots-proposed", "proposal-reminded", "proposal-withdrawn");
  }

  @Test
  void aSlotTakenMeanwhileIsRefusedClearlyAndTwoTabsAnsweringAtOnceGiveOneBooking() throws Exception {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    CaseSummary applicantCase = fixtures.acceptedCase(unit);
    CaseSummary otherCase = fixtures.acceptedCase(unit);
    LocalDate monday = mondayAhead();
    ProposalView proposal = proposals.propose(applicantCase.caseId(), unit, List.of(
        new ProposedSlot(nmr.id(), tokyo(monday, 9, 0), tokyo(monday, 10, 0)),
        new ProposedSlot(nmr.id(), tokyo(monday, 11, 0), tokyo(monday, 12, 0)),
        new ProposedSlot(nmr.id(), tokyo(monday, 13, 0), tokyo(monday, 14, 0))), coordinator());
    Actor applicant = Actor.applicant(applicantCase.email());

    // Another booking takes part of the first slot before the applicant answers.
    exactBookings.book(otherCase.caseId(), unit, nmr.id(), tokyo(monday, 9, 30), tokyo(monday, 10, 30), coordinator());
    assertThat(proposals.ofCase(applicantCase.caseId()).getFirst().slots()).extracting(SlotProposals.SlotView::free)
        .containsExactly(false, true, true);
    assertThatThrownBy(() -> proposals.choose(applicantCase.caseId(), proposal.id(), 1, applicant))
        .isInstanceOf(SlotUnavailableException.class);
    assertThat(proposals.ofCase(applicantCase.caseId()).getFirst().open()).as("the other slots stay on offer").isTrue();
    assertThat(bookings.findByCaseIdOrderById(applicantCase.caseId())).isEmpty();

    // Two tabs pick the second and the third slot at the same moment: one booking, one clear refusal.
    List<Callable<Object>> tabs = List.of(
        () -> answer(() -> proposals.choose(applicantCase.caseId(), proposal.id(), 2, applicant)),
        () -> answer(() -> proposals.choose(applicantCase.caseId(), proposal.id(), 3, applicant)));
    List<Object> answers = concurrently(tabs);
    assertThat(answers).filteredOn(a -> a instanceof ExactBookings.BookedSession).hasSize(1);
    assertThat(answers).filteredOn(a -> a instanceof StateConflictException conflict
        && conflict.messageKey().equals("booking.proposal.answered")).hasSize(1);
    assertThat(bookings.findByCaseIdOrderById(applicantCase.caseId())).hasSize(1);
    assertThat(proposals.ofCase(applicantCase.caseId()).getFirst().status()).isEqualTo("CHOSEN");

    // The withdrawal timer firing just after the pick leaves the pick standing and hands its booking on.
    assertThat(proposals.withdraw(applicantCase.caseId(), unit))
        .containsEntry("proposalOutcome", "chosen")
        .containsEntry("bookingId", bookings.findByCaseIdOrderById(applicantCase.caseId()).getFirst().id());
    assertThat(proposals.ofCase(applicantCase.caseId()).getFirst().status()).isEqualTo("CHOSEN");
  }

  @Test
  void aBadProposalNamesEachSlotAndRuleAndStoresNothing() {
    String unit = fixtures.newUnit();
    String otherUnit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    TestInstrument foreign = fixtures.newInstrument(otherUnit, "nmr", 8_000, true);
    CaseSummary c = fixtures.acceptedCase(unit);
    LocalDate monday = mondayAhead();
    ProposedSlot good = new ProposedSlot(nmr.id(), tokyo(monday, 9, 0), tokyo(monday, 10, 0));

    assertThatThrownBy(() -> proposals.propose(c.caseId(), unit, List.of(good, good, good, good), coordinator()))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + " " + v.rule()).containsExactly("slots slot-count"));
    assertThatThrownBy(() -> proposals.propose(c.caseId(), unit, List.of(
            good,
            new ProposedSlot(nmr.id(), tokyo(monday, 10, 15), tokyo(monday, 11, 15)),
            new ProposedSlot(nmr.id(), tokyo(LocalDate.now(BookingFixtures.TOKYO).minusDays(2), 9, 0),
                tokyo(LocalDate.now(BookingFixtures.TOKYO).minusDays(2), 10, 0))), coordinator()))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + " " + v.rule())
            .containsExactlyInAnyOrder("slots[1].start grid", "slots[1].end grid", "slots[2].start past"));
    assertThatThrownBy(() -> proposals.propose(c.caseId(), unit, List.of(
            new ProposedSlot(foreign.id(), tokyo(monday, 9, 0), tokyo(monday, 10, 0))), coordinator()))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.violations())
            .extracting(v -> v.field() + " " + v.rule()).containsExactly("slots[0].instrumentId instrument-of-unit"));
    assertThat(proposalsOf(c)).isZero();

    // The console page refuses while the unit is not scheduling the case (its task is not open) ...
    Map<String, String> form = new LinkedHashMap<>();
    form.put("unit", unit);
    form.put("slots[0].instrumentId", Long.toString(nmr.id()));
    form.put("slots[0].start", monday + "T10:15");
    form.put("slots[0].end", monday + "T11:15");
    form.put("slots[1].instrumentId", Long.toString(foreign.id()));
    form.put("slots[1].start", monday + "T09:00");
    form.put("slots[1].end", monday + "T10:00");
    String path = "/console/cases/" + c.caseNumber() + "/proposals";
    HttpResponse<String> notScheduling = coordinatorSession(unit, "en").postForm(path, form);
    assertThat(notScheduling.statusCode()).isEqualTo(409);
    assertThat(notScheduling.body()).contains("is not scheduling this case now");

    // ... and, once it is, shows the rules' refusals at their rows (422), in the coordinator's language.
    fixtures.awaitingScheduling(c.caseId(), unit);
    HttpResponse<String> english = coordinatorSession(unit, "en").postForm(path, form);
    assertThat(english.statusCode()).isEqualTo(422);
    assertThat(english.body()).contains("id=\"slot-error-0\"", "is not on the booking grid", "id=\"slot-error-1\"", "is not an instrument of unit");
    HttpResponse<String> japanese = coordinatorSession(unit, "ja").postForm(path, form);
    assertThat(japanese.statusCode()).isEqualTo(422);
    assertThat(japanese.body()).contains("id=\"slot-error-0\"", "id=\"slot-error-1\"").doesNotContain("is not on the booking grid");
    form.put("slots[0].start", "tomorrow");
    assertThat(coordinatorSession(unit, "en").postForm(path, form).statusCode()).isEqualTo(400);
    assertThat(proposalsOf(c)).isZero();

    form.put("slots[0].start", monday + "T10:00");
    form.put("slots[0].end", monday + "T11:00");
    form.remove("slots[1].instrumentId");
    form.remove("slots[1].start");
    form.remove("slots[1].end");
    HttpResponse<String> proposed = coordinatorSession(unit, "en").postForm(path, form);
    assertThat(proposed.statusCode()).isEqualTo(302);
    assertThat(proposalsOf(c)).isOne();
  }

  private long proposalsOf(CaseSummary c) {
    return jdbc.queryForObject("select count(*) from slot_proposals where case_id = ?", Long.class, c.caseId());
  }

  private PortalSession coordinatorSession(String unit, String language) {
    String email = "coordinator-" + System.nanoTime() + "@madoguchi.example";
    Account account = accounts.ensure(email, PASSWORD, "Unit Coordinator", language, Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(StaffGroup.unitCoordinators(unit)));
    PortalSession session = new PortalSession(port);
    session.signIn(email, PASSWORD);
    return session;
  }

  private CaseRun caseAwaitingScheduling() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    journey.deskAccepts(run, "imaging");
    journey.unitAcceptsToPropose(run, "imaging", 2, "confocal");
    engine.awaitActive(run.instance(), "ScheduleSession");
    return run;
  }

  private void awaitSchedulingAgain(CaseRun run) {
    org.awaitility.Awaitility.await("ScheduleSession again").atMost(ProcessDriver.TIMEOUT)
        .until(() -> engine.openUserTasks(run.instance(), "ScheduleSession").size() == 1
            && engine.timesPassed(run.instance(), "SchedulingMerge") == 2);
  }

  /** A day months ahead, so the tests' slots never meet; neither it nor the next is a public holiday, on which nothing is booked. */
  private static LocalDate farDay() {
    LocalDate day = mondayAhead().plusWeeks(20 + ThreadLocalRandom.current().nextInt(60)).plusDays(ThreadLocalRandom.current().nextInt(4));
    while (!JapanesePublicHolidays.bundled().between(day, day.plusDays(1)).isEmpty()) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static Actor coordinator() {
    return Actor.staff("unit-imaging", "Imaging Coordinator");
  }

  private static Object answer(Callable<?> call) {
    try {
      return call.call();
    } catch (Exception e) {
      return e;
    }
  }
}
