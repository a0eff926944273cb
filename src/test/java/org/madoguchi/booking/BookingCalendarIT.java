package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.booking.BookingFixtures.concurrently;
import static org.madoguchi.booking.BookingFixtures.mondayAhead;
import static org.madoguchi.booking.BookingFixtures.tokyo;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingCalendar.CalendarBooking;
import org.madoguchi.booking.BookingCalendar.CalendarEvents;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.calendar.CalendarFeeds;
import org.madoguchi.calendar.FeedOwner;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.units.MaintenanceSchedule;
import org.madoguchi.units.WindowKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calendars of a unit, an instrument and an operator (what they show, for whom, in facility time) and
 * moving a booking (every rule, the slot rows, the audit line, the feed's SEQUENCE, races onto one slot).
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingCalendarIT {

  private static final String PASSWORD = "calendar password 1";
  private static final Actor COORDINATOR = Actor.staff("unit-test", "Unit Coordinator");

  @LocalServerPort int port;
  @Autowired BookingCalendar calendar;
  @Autowired ExactBookings exactBookings;
  @Autowired BookingSlots slots;
  @Autowired MaintenanceSchedule maintenance;
  @Autowired CalendarFeeds feeds;
  @Autowired CaseFile caseFile;
  @Autowired Submissions submissions;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ObjectMapper json;

  private BookingFixtures fixtures;
  private final List<Long> closures = new ArrayList<>();
  private final String marker = Long.toString(System.nanoTime(), 36);

  @BeforeAll
  void fixtures() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
  }

  /** A closure closes the day for every test's instruments: it goes after its test. */
  @AfterEach
  void removeClosures() {
    closures.forEach(id -> jdbc.update("DELETE FROM facility_closures WHERE id = ?", id));
    closures.clear();
  }

  @AfterAll
  void removeTestData() {
    jdbc.update("DELETE q FROM operator_qualifications q JOIN instruments i ON i.id = q.instrument_id WHERE i.unit_code LIKE 'it-%'");
    fixtures.removeUnits();
  }

  /** A unit with two instruments, an accepted case and its staff. */
  private record World(String unit, TestInstrument krios, TestInstrument glacios, CaseSummary c, String coordinator, String admin,
      String otherCoordinator, String operator, String desk) {}

  private World world() {
    String unit = fixtures.newUnit();
    String other = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 30_000, true);
    TestInstrument glacios = fixtures.newInstrument(unit, "cryo-em", 10_000, true);
    fixtures.newInstrument(other, "nmr", 8_000, true);
    String operator = staff("operator", StaffGroup.operators(unit));
    long operatorId = accounts.findByEmail(operator).orElseThrow().id();
    jdbc.update("INSERT INTO operator_qualifications (instrument_id, account_id, granted_on) VALUES (?, ?, ?)",
        krios.id(), operatorId, Date.valueOf(LocalDate.now(BookingFixtures.TOKYO).minusDays(1)));
    return new World(unit, krios, glacios, fixtures.acceptedCase(unit), staff("coordinator", StaffGroup.unitCoordinators(unit)),
        staff("admin", StaffGroup.ADMINS), staff("other", StaffGroup.unitCoordinators(other)), operator, staff("desk", StaffGroup.DESK));
  }

  private String staff(String who, StaffGroup group) {
    String email = who + "-" + marker + "-" + System.nanoTime() + "@madoguchi.example";
    Account account = accounts.ensure(email, PASSWORD, who + " person", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
    return email;
  }

  /** The case's applicant, signed in (the fixtures' password). */
  private PortalSession applicant(CaseSummary c) {
    String email = accounts.find(c.accountId()).orElseThrow().email();
    return signedIn(email, "secret-" + email);
  }

  private PortalSession signedIn(String email, String password) {
    PortalSession session = new PortalSession(port);
    session.signIn(email, password);
    return session;
  }

  // The query ----------------------------------------------------------------------------------------

  @Test
  void aWeekShowsBookingsWindowsAndClosedDaysOfTheInstrumentsInFacilityTime() {
    World w = world();
    LocalDate monday = mondayAhead();
    long early = exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday, 0, 0), tokyo(monday, 1, 0), COORDINATOR).bookingId();
    long onGlacios = exactBookings.book(w.c().caseId(), w.unit(), w.glacios().id(), tokyo(monday.plusDays(1), 14, 0), tokyo(monday.plusDays(1), 15, 0), COORDINATOR).bookingId();
    long nextWeek = exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday.plusDays(7), 9, 0), tokyo(monday.plusDays(7), 10, 0), COORDINATOR).bookingId();
    long cancelled = exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday, 12, 0), tokyo(monday, 13, 0), COORDINATOR).bookingId();
    jdbc.update("UPDATE bookings SET status = 'CANCELLED' WHERE id = ?", cancelled);
    maintenance.schedule(w.krios().id(), tokyo(monday.plusDays(2), 9, 0), tokyo(monday.plusDays(2), 17, 0), "Autoloader service");
    jdbc.update("INSERT INTO maintenance_windows (instrument_id, kind, starts_at, ends_at, reason) VALUES (?, 'unplanned', ?, ?, 'Vacuum fault')",
        w.glacios().id(), BookingSlots.utc(tokyo(monday.plusDays(3), 8, 0)), BookingSlots.utc(tokyo(monday.plusDays(3), 20, 0)));
    jdbc.update("INSERT INTO facility_closures (closed_on, reason) VALUES (?, 'Power inspection')",
        Date.valueOf(monday.plusDays(4)));
    closures.add(jdbc.queryForObject("SELECT id FROM facility_closures WHERE closed_on = ? AND reason = 'Power inspection'", Long.class,
        Date.valueOf(monday.plusDays(4))));

    CalendarEvents week = calendar.events(List.of(w.krios().id(), w.glacios().id()), monday, monday.plusDays(7));

    assertThat(week.bookings()).extracting(CalendarBooking::bookingId).containsExactly(early, onGlacios);
    CalendarBooking first = week.bookings().get(0);
    assertThat(first.caseNumber()).isEqualTo(w.c().caseNumber());
    assertThat(first.start()).as("midnight in Tokyo is the day before in UTC").isEqualTo(tokyo(monday, 0, 0));
    assertThat(first.bookedBy()).isEqualTo(COORDINATOR);
    assertThat(first.status()).isEqualTo("RESERVED");
    assertThat(week.windows()).extracting(wd -> wd.kind()).containsExactly(WindowKind.PLANNED, WindowKind.UNPLANNED);
    assertThat(week.closedDays()).anySatisfy(day -> {
      assertThat(day.date()).isEqualTo(monday.plusDays(4));
      assertThat(day.description()).isEqualTo("Power inspection");
    });
    assertThat(calendar.events(List.of(w.glacios().id()), monday, monday.plusDays(7)).bookings())
        .extracting(CalendarBooking::bookingId).containsExactly(onGlacios);
    assertThat(calendar.events(List.of(w.krios().id()), monday.minusDays(7), monday).bookings())
        .as("the week before ends at Monday 00:00 Tokyo").isEmpty();
    assertThat(calendar.events(List.of(w.krios().id()), monday.plusDays(7), monday.plusDays(14)).bookings())
        .extracting(CalendarBooking::bookingId).containsExactly(nextWeek);
    assertThat(calendar.events(List.of(), monday, monday.plusDays(7)).bookings()).isEmpty();
  }

  @Test
  void aRangeMustBeOneToFortyTwoDays() {
    LocalDate monday = mondayAhead();
    assertThatThrownBy(() -> calendar.events(List.of(1L), monday, monday.plusDays(43)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("end"));
    assertThatThrownBy(() -> calendar.events(List.of(1L), monday, monday))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(v -> v.messageKey())
            .containsExactly("booking.calendar.range.order"));
    assertThatThrownBy(() -> calendar.events(List.of(1L), null, null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("start", "end"));
    assertThat(calendar.events(List.of(1L), monday, monday.plusDays(42)).from()).isEqualTo(monday);
  }

  // The events endpoint ------------------------------------------------------------------------------

  @Test
  void theEventsEndpointShowsAUnitToThoseWhoSeeItAndNamesBadParameters() throws Exception {
    World w = world();
    LocalDate monday = mondayAhead();
    long onKrios = exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday, 10, 0), tokyo(monday, 12, 0), COORDINATOR).bookingId();
    long onGlacios = exactBookings.book(w.c().caseId(), w.unit(), w.glacios().id(), tokyo(monday, 13, 0), tokyo(monday, 14, 0), COORDINATOR).bookingId();
    String week = "&start=" + monday + "&end=" + monday.plusDays(7);
    String unitWeek = "/console/calendar/events?unit=" + w.unit() + week;

    for (String person : List.of(w.admin(), w.desk(), w.coordinator())) {
      HttpResponse<String> answer = signedIn(person, PASSWORD).getJson(unitWeek);
      assertThat(answer.statusCode()).as(person).isEqualTo(200);
      JsonNode events = json.readTree(answer.body());
      JsonNode krios = event(events, "booking-" + onKrios);
      assertThat(krios.get("start").asText()).as("facility-local, no offset").isEqualTo(monday + "T10:00:00");
      assertThat(krios.get("title").asText()).contains(w.c().caseNumber());
      assertThat(krios.get("extendedProps").get("link").asText()).isEqualTo("/console/sessions/" + onKrios);
      assertThat(krios.get("startEditable").asBoolean()).as("movable by %s", person).isEqualTo(!person.equals(w.desk()));
      assertThat(event(events, "booking-" + onGlacios)).isNotNull();
    }
    PortalSession operator = signedIn(w.operator(), PASSWORD);
    JsonNode operatorsView = json.readTree(operator.getJson(unitWeek).body());
    assertThat(ids(operatorsView)).as("only the instrument the operator is qualified for").containsExactly("booking-" + onKrios);
    assertThat(event(operatorsView, "booking-" + onKrios).get("startEditable").asBoolean()).isFalse();
    assertThat(ids(json.readTree(operator.getJson("/console/calendar/events?mine=true" + week).body()))).containsExactly("booking-" + onKrios);
    assertThat(operator.getJson(unitWeek + "&instrument=" + w.glacios().id()).statusCode()).isEqualTo(400);
    PortalSession coordinator = signedIn(w.coordinator(), PASSWORD);
    assertThat(ids(json.readTree(coordinator.getJson(unitWeek + "&instrument=" + w.glacios().id()).body())))
        .containsExactly("booking-" + onGlacios);

    HttpResponse<String> elsewhere = signedIn(w.otherCoordinator(), PASSWORD).getJson(unitWeek);
    assertThat(elsewhere.statusCode()).as("a unit they do not see").isEqualTo(403);
    assertThat(elsewhere.body()).doesNotContain(w.c().caseNumber());
    assertThat(coordinator.get("/console/calendar?unit=" + w.unit()).body()).contains("id=\"staff-calendar\"", "Asia/Tokyo");
    assertThat(signedIn(w.otherCoordinator(), PASSWORD).get("/console/calendar?unit=" + w.unit()).statusCode()).isEqualTo(403);

    assertThat(problemFields(coordinator.getJson("/console/calendar/events?unit=" + w.unit() + "&start=next-monday&end=" + monday)))
        .containsExactly("start");
    assertThat(problemFields(coordinator.getJson("/console/calendar/events?unit=" + w.unit() + "&start=" + monday + "&end=" + monday.plusDays(60))))
        .containsExactly("end");
    assertThat(problemFields(coordinator.getJson("/console/calendar/events?start=" + monday + "&end=" + monday.plusDays(7))))
        .containsExactly("unit");
    assertThat(problemFields(coordinator.getJson(unitWeek + "&instrument=nine"))).containsExactly("instrument");
  }

  private static JsonNode event(JsonNode events, String id) {
    return StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("id").asText().equals(id)).findFirst().orElse(null);
  }

  private static List<String> ids(JsonNode events) {
    return StreamSupport.stream(events.spliterator(), false).map(e -> e.get("id").asText()).filter(id -> id.startsWith("booking-")).toList();
  }

  private List<String> problemFields(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("json");
    return StreamSupport.stream(json.readTree(answer.body()).get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList();
  }

  // Moving -------------------------------------------------------------------------------------------

  @Test
  void aMoveChecksEveryRuleMovesTheSlotRowsAuditsAndRaisesTheFeedsSequence() throws Exception {
    World w = world();
    LocalDate monday = mondayAhead();
    long booking = exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday, 10, 0), tokyo(monday, 12, 0), COORDINATOR).bookingId();
    long other = exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday, 14, 0), tokyo(monday, 15, 0), COORDINATOR).bookingId();
    maintenance.schedule(w.krios().id(), tokyo(monday.plusDays(1), 9, 0), tokyo(monday.plusDays(1), 12, 0), "Cryo-cycle");
    String secret = feeds.issue(FeedOwner.instrument(w.krios().id()), "en", "test");
    VEvent before = feedEvent(secret, booking);

    // Rules: refused with each reason, nothing changes.
    assertThatThrownBy(() -> exactBookings.move(booking, w.krios().id(), tokyo(monday.plusDays(1), 10, 0), tokyo(monday.plusDays(1), 12, 0), COORDINATOR))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rules()).containsExactly(BookingRule.MAINTENANCE));
    assertThatThrownBy(() -> exactBookings.move(booking, w.krios().id(), tokyo(monday, 13, 10), tokyo(monday, 15, 10), COORDINATOR))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rules()).containsExactly(BookingRule.GRID, BookingRule.GRID));
    assertThatThrownBy(() -> exactBookings.move(booking, w.krios().id(), Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.HOURS),
            Instant.now().truncatedTo(ChronoUnit.HOURS), COORDINATOR))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rules()).contains(BookingRule.PAST));
    assertThatThrownBy(() -> exactBookings.move(booking, w.krios().id(), tokyo(monday, 14, 0), tokyo(monday, 16, 0), COORDINATOR))
        .as("the other booking holds 14:00-15:00").isInstanceOf(SlotUnavailableException.class);
    assertThat(slots.heldBy(booking)).containsExactly(tokyo(monday, 10, 0), tokyo(monday, 10, 30), tokyo(monday, 11, 0), tokyo(monday, 11, 30));
    assertThat(slots.heldBy(other)).hasSize(2);

    // Overlapping its own old time is fine: the old rows are released first, in the same transaction.
    exactBookings.move(booking, w.krios().id(), tokyo(monday, 11, 0), tokyo(monday, 13, 0), COORDINATOR);
    exactBookings.move(booking, w.glacios().id(), tokyo(monday.plusDays(2), 9, 0), tokyo(monday.plusDays(2), 11, 0), COORDINATOR);

    CalendarBooking moved = calendar.booking(booking).orElseThrow();
    assertThat(moved.instrumentId()).isEqualTo(w.glacios().id());
    assertThat(moved.start()).isEqualTo(tokyo(monday.plusDays(2), 9, 0));
    assertThat(slots.heldBy(booking)).containsExactly(
        tokyo(monday.plusDays(2), 9, 0), tokyo(monday.plusDays(2), 9, 30), tokyo(monday.plusDays(2), 10, 0), tokyo(monday.plusDays(2), 10, 30));
    assertThat(fixtures.slotRows(w.krios().id())).as("only the other booking's rows").isEqualTo(2);
    assertThat(caseFile.history(w.c().caseId())).anySatisfy(e -> assertThat(e.event()).isEqualTo(new CaseEvent.BookingMoved(
        w.krios().name(), monday.atTime(11, 0), monday.atTime(13, 0), w.glacios().name(), monday.plusDays(2).atTime(9, 0), monday.plusDays(2).atTime(11, 0))));

    // The Glacios feed has it now, with a higher SEQUENCE than the Krios feed had; the Krios feed no longer has it.
    String glaciosFeed = feeds.issue(FeedOwner.instrument(w.glacios().id()), "en", "test");
    VEvent after = feedEvent(glaciosFeed, booking);
    assertThat(after.getSequence().getValue()).isGreaterThan(before.getSequence().getValue());
    assertThat(after.getDateStart().getValue().toInstant()).isEqualTo(tokyo(monday.plusDays(2), 9, 0));
    assertThat(feedEvent(secret, booking)).isNull();

    // Only a reserved booking that has not started moves.
    jdbc.update("UPDATE bookings SET status = 'COMPLETED' WHERE id = ?", other);
    assertThatThrownBy(() -> exactBookings.move(other, w.krios().id(), tokyo(monday, 16, 0), tokyo(monday, 17, 0), COORDINATOR))
        .isInstanceOfSatisfying(BookingRefusedException.class, e -> assertThat(e.rules()).containsExactly(BookingRule.MOVABLE));
    fixtures.assertNoSlotTakenTwice();
  }

  private VEvent feedEvent(String secret, long bookingId) {
    return Biweekly.parse(feeds.calendar(secret).orElseThrow()).first().getEvents().stream()
        .filter(e -> e.getUid().getValue().startsWith("booking-" + bookingId + "@"))
        .findFirst().orElse(null);
  }

  @Test
  void twentyMovesOntoOneSlotHaveExactlyOneWinnerAndTheLosersKeepTheirSlots() throws Exception {
    World w = world();
    LocalDate monday = mondayAhead();
    List<Long> moving = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      LocalDate day = monday.plusDays(i / 4);
      int hour = 8 + (i % 4) * 2;
      moving.add(exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(day, hour, 0), tokyo(day, hour + 1, 0), COORDINATOR).bookingId());
    }
    Instant targetStart = tokyo(monday.plusDays(5), 10, 0);
    Instant targetEnd = tokyo(monday.plusDays(5), 11, 0);
    List<Callable<String>> calls = new ArrayList<>();
    for (long booking : moving) {
      calls.add(() -> {
        try {
          exactBookings.move(booking, w.krios().id(), targetStart, targetEnd, COORDINATOR);
          return "won";
        } catch (SlotUnavailableException e) {
          return "lost";
        }
      });
    }

    List<String> outcomes = concurrently(calls);

    assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("lost"::equals).hasSize(19);
    long winner = moving.get(outcomes.indexOf("won"));
    assertThat(slots.heldBy(winner)).containsExactly(targetStart, tokyo(monday.plusDays(5), 10, 30));
    for (int i = 0; i < moving.size(); i++) {
      if (moving.get(i) != winner) {
        LocalDate day = monday.plusDays(i / 4);
        int hour = 8 + (i % 4) * 2;
        assertThat(slots.heldBy(moving.get(i))).as("loser %s keeps its slot", i).containsExactly(tokyo(day, hour, 0), tokyo(day, hour, 30));
        assertThat(calendar.booking(moving.get(i)).orElseThrow().version()).as("and its version").isZero();
      }
    }
    assertThat(fixtures.slotRows(w.krios().id())).isEqualTo(40);
    fixtures.assertNoSlotTakenTwice();
  }

  @Test
  void theMoveEndpointIsForTheUnitsCoordinatorsAndAdminsAndAnswersEachRefusal() throws Exception {
    World w = world();
    LocalDate monday = mondayAhead();
    long booking = exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday, 10, 0), tokyo(monday, 12, 0), COORDINATOR).bookingId();
    exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday, 14, 0), tokyo(monday, 15, 0), COORDINATOR);
    String path = "/console/calendar/bookings/" + booking + "/move";
    String to = "{\"start\":\"" + monday + "T16:00:00\",\"end\":\"" + monday + "T18:00:00\"}";

    for (String person : List.of(w.otherCoordinator(), w.operator(), w.desk())) {
      assertThat(signedIn(person, PASSWORD).postJson(path, to).statusCode()).as(person).isEqualTo(403);
    }
    PortalSession applicant = applicant(w.c());
    assertThat(applicant.postJson(path, to).statusCode()).isEqualTo(403);
    PortalSession coordinator = signedIn(w.coordinator(), PASSWORD);
    assertThat(coordinator.postFormWithoutCsrf(path, Map.of()).statusCode()).as("without CSRF").isEqualTo(403);
    assertThat(calendar.booking(booking).orElseThrow().start()).as("nothing moved").isEqualTo(tokyo(monday, 10, 0));

    HttpResponse<String> taken = coordinator.postJson(path, "{\"start\":\"" + monday + "T13:00:00\",\"end\":\"" + monday + "T15:00:00\"}");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(json.readTree(taken.body()).get("detail").asText()).contains("no longer available");
    HttpResponse<String> offGrid = coordinator.postJson(path, "{\"start\":\"" + monday + "T16:10:00\",\"end\":\"" + monday + "T18:00:00\"}");
    assertThat(offGrid.statusCode()).isEqualTo(422);
    JsonNode problem = json.readTree(offGrid.body()).get("errors").get(0);
    assertThat(problem.get("field").asText()).isEqualTo("start");
    assertThat(problem.get("rule").asText()).isEqualTo("grid");
    assertThat(coordinator.postJson(path, "{\"start\":\"monday\"}").statusCode()).isEqualTo(400);
    assertThat(coordinator.postJson(path, "{\"end\":\"" + monday + "T18:00:00\"}").statusCode()).isEqualTo(400);
    assertThat(coordinator.postJson("/console/calendar/bookings/999999999/move", to).statusCode()).isEqualTo(404);

    HttpResponse<String> moved = coordinator.postJson(path, to);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(json.readTree(moved.body()).get("start").asText()).isEqualTo(monday + "T16:00:00");
    assertThat(calendar.booking(booking).orElseThrow().start()).isEqualTo(tokyo(monday, 16, 0));
    HttpResponse<String> byAdmin = signedIn(w.admin(), PASSWORD).postJson(path, "{\"start\":\"" + monday + "T08:00:00\",\"end\":\"" + monday + "T10:00:00\"}");
    assertThat(byAdmin.statusCode()).isEqualTo(200);
    assertThat(calendar.booking(booking).orElseThrow().version()).isEqualTo(2);
  }

  // The applicant's sessions -------------------------------------------------------------------------

  @Test
  void anApplicantSeesTheirOwnSessionsOnly() {
    World w = world();
    LocalDate monday = mondayAhead();
    exactBookings.book(w.c().caseId(), w.unit(), w.krios().id(), tokyo(monday, 10, 0), tokyo(monday, 12, 0), COORDINATOR);
    CaseSummary someoneElses = fixtures.acceptedCase(w.unit());
    exactBookings.book(someoneElses.caseId(), w.unit(), w.krios().id(), tokyo(monday, 13, 0), tokyo(monday, 14, 0), COORDINATOR);

    String page = applicant(w.c()).get("/portal/sessions").body();

    assertThat(page).contains(w.c().caseNumber(), monday + " 10:00 – 12:00", "/account/calendar", "/portal/requests/" + w.c().caseNumber())
        .doesNotContain(someoneElses.caseNumber());
    assertThat(calendar.ofApplicant(w.c().accountId(), Instant.now()))
        .extracting(CalendarBooking::caseNumber).containsExactly(w.c().caseNumber());
  }
}
