package org.madoguchi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.DateTimeComponents;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingDriver;
import org.madoguchi.cases.Cancellations;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.units.CaseTeams;
import org.madoguchi.units.TeamRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The feeds as a calendar application reads them: over HTTP without signing in, parsed by biweekly (an
 * iCalendar parser independent of ical4j, which writes them) and validated by ical4j; bookings made
 * and changed through the booking services.
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarFeedIT {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired CalendarFeeds feeds;
  @Autowired Accounts accounts;
  @Autowired CaseTeams teams;
  @Autowired Cancellations cancellations;
  @Autowired JdbcTemplate jdbc;

  private BookingDriver bookings;
  private CaseFixtures cases;
  private final String marker = "m" + System.nanoTime();
  private String unit;
  private String otherUnit;
  private long instrument;
  private long applicant;
  private long otherApplicant;
  private long operator;
  private long openCase;
  private long confidentialCase;
  private long otherApplicantsCase;
  /** The open case's booking on the unit (its lead operator's session) and on the other unit (not theirs). */
  private long openBooking;
  private long openBookingElsewhere;
  private long confidentialBooking;
  private long otherApplicantsBooking;

  @BeforeAll
  void world() {
    bookings = new BookingDriver(context);
    cases = new CaseFixtures(jdbc);
    unit = bookings.newUnit();
    otherUnit = bookings.newUnit();
    instrument = bookings.newInstrument(unit);
    bookings.newInstrument(otherUnit);
    String applicantEmail = "feed-" + marker + "@lab.example.ac.jp";
    String otherEmail = "other-feed-" + marker + "@lab.example.ac.jp";
    applicant = accounts.ensure(applicantEmail, "feed password 1", "Feed Applicant", "en", Set.of(Role.APPLICANT)).id();
    otherApplicant = accounts.ensure(otherEmail, "feed password 1", "Other Applicant", "en", Set.of(Role.APPLICANT)).id();
    String operatorEmail = "operator-" + marker + "@facility.example.jp";
    operator = accounts.ensure(operatorEmail, "feed password 1", "Feed Operator", "en", Set.of(Role.STAFF)).id();
    accounts.assignStaffGroups(operator, Set.of(StaffGroup.operators(unit)));

    openCase = caseTitled(applicantEmail, "open", "Open pump " + marker);
    confidentialCase = caseTitled(applicantEmail, "confidential", "Secret ligand " + marker);
    otherApplicantsCase = caseTitled(otherEmail, "open", "Someone else's pump " + marker);
    teams.assign(openCase, TeamRole.LEAD_OPERATOR, unit, operatorEmail, "Feed Operator");

    LocalDate monday = BookingDriver.mondayAhead();
    openBooking = bookings.reserve(openCase, unit, "2", monday);
    confidentialBooking = bookings.reserve(confidentialCase, unit, "2", monday);
    otherApplicantsBooking = bookings.reserve(otherApplicantsCase, unit, "2", monday);
    openBookingElsewhere = bookings.reserve(openCase, otherUnit, "1", monday);
  }

  @AfterAll
  void removeWorld() {
    jdbc.update("DELETE FROM calendar_feeds WHERE instrument_id = ?", instrument);
    bookings.removeUnits();
  }

  @Test
  void anApplicantsFeedHoldsTheirOwnSessionsInFacilityTimeAndParsesWithAnIndependentParser() throws Exception {
    String secret = feeds.issue(FeedOwner.applicant(applicant), "en", "test");

    HttpResponse<String> response = get("/calendar/" + secret + ".ics", Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
    assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("private").contains("max-age=300").doesNotContain("no-store");
    assertThat(response.headers().firstValue("Set-Cookie")).as("no session for a calendar application").isEmpty();
    String text = response.body();
    new CalendarBuilder().build(new StringReader(text)).validate();
    ICalendar calendar = Biweekly.parse(text).first();
    assertThat(calendar.getExperimentalProperty("X-WR-CALNAME").getValue()).isEqualTo("Madoguchi: my sessions");

    Map<String, VEvent> byUid = calendar.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e));
    assertThat(byUid.keySet())
        .as("the applicant's own sessions, on every unit, and no one else's")
        .containsExactlyInAnyOrder(uid(openBooking), uid(confidentialBooking), uid(openBookingElsewhere));
    assertThat(text).doesNotContain("Someone else").doesNotContain(cases.caseNumberOf(otherApplicantsCase));
    for (long booking : List.of(openBooking, confidentialBooking, openBookingElsewhere)) {
      VEvent event = byUid.get(uid(booking));
      Instant start = instant("slot_start", booking);
      assertThat(event.getDateStart().getValue().toInstant()).as("DTSTART of booking %s", booking).isEqualTo(start);
      assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(instant("slot_end", booking));
      assertThat(calendar.getTimezoneInfo().getTimezone(event.getDateStart()).getComponent().getTimezoneId().getValue())
          .isEqualTo("Asia/Tokyo");
      DateTimeComponents local = event.getDateStart().getValue().getRawComponents();
      ZonedDateTime tokyo = start.atZone(TOKYO);
      assertThat(List.of(local.getYear(), local.getMonth(), local.getDate(), local.getHour(), local.getMinute(), local.isUtc()))
          .as("written as Tokyo wall-clock time")
          .isEqualTo(List.of(tokyo.getYear(), tokyo.getMonthValue(), tokyo.getDayOfMonth(), tokyo.getHour(), tokyo.getMinute(), false));
      assertThat(event.getStatus().isConfirmed()).isTrue();
      assertThat(event.getSequence().getValue()).isNotNull();
      assertThat(event.getLastModified().getValue()).isNotNull();
    }
    assertThat(byUid.get(uid(openBooking)).getDateStart().getValue().getRawComponents().getHour())
        .as("the first session of the day starts when the facility's working day does").isEqualTo(9);
    VEvent open = byUid.get(uid(openBooking));
    assertThat(open.getSummary().getValue()).contains(cases.caseNumberOf(openCase)).contains("Open pump " + marker);
    assertThat(open.getDescription().getValue()).contains("/portal/requests/" + cases.caseNumberOf(openCase));
    VEvent confidential = byUid.get(uid(confidentialBooking));
    assertThat(confidential.getSummary().getValue()).contains(cases.caseNumberOf(confidentialCase)).contains("(confidential)");
    assertThat(confidential.getClassification().getValue()).isEqualTo("CONFIDENTIAL");
    assertThat(text).as("a confidential case's title never leaves Madoguchi").doesNotContain("Secret ligand");

    String etag = response.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/calendar/" + secret + ".ics", Map.of("If-None-Match", etag)).statusCode()).as("unchanged").isEqualTo(304);
  }

  @Test
  void anInstrumentFeedShowsEveryBookingButNoConfidentialTitleOrPersonalData() throws Exception {
    String secret = feeds.issue(FeedOwner.instrument(instrument), "ja", "test");

    String text = get("/calendar/" + secret + ".ics", Map.of()).body();

    ICalendar calendar = Biweekly.parse(text).first();
    assertThat(calendar.getEvents()).extracting(e -> e.getUid().getValue())
        .contains(uid(openBooking), uid(confidentialBooking), uid(otherApplicantsBooking))
        .doesNotContain(uid(openBookingElsewhere));
    assertThat(text).contains("Open pump " + marker).doesNotContain("Secret ligand")
        .doesNotContain("feed-" + marker).doesNotContain("Feed Applicant").doesNotContain("田中");
    VEvent confidential = calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals(uid(confidentialBooking))).findFirst().orElseThrow();
    assertThat(confidential.getSummary().getValue()).endsWith("（非公開）");
    assertThat(confidential.getDescription().getValue()).contains("/console/cases/" + cases.caseNumberOf(confidentialCase));
  }

  @Test
  void anOperatorsFeedHoldsTheSessionsOfTheUnitTheyLeadOnly() {
    String secret = feeds.issue(FeedOwner.operator(operator), "en", "test");

    ICalendar calendar = Biweekly.parse(get("/calendar/" + secret + ".ics", Map.of()).body()).first();

    assertThat(calendar.getEvents()).extracting(e -> e.getUid().getValue()).containsExactly(uid(openBooking));
    assertThat(calendar.getExperimentalProperty("X-WR-CALNAME").getValue()).isEqualTo("Madoguchi: sessions I run");
  }

  @Test
  void aChangeRaisesTheSequenceAndACancelledSessionStaysAsCancelled() {
    String email = "changes-" + marker + "@lab.example.ac.jp";
    long owner = accounts.ensure(email, "feed password 1", "Changes", "en", Set.of(Role.APPLICANT)).id();
    long held = caseTitled(email, "open", "Held session " + marker);
    long dropped = caseTitled(email, "open", "Dropped session " + marker);
    LocalDate day = BookingDriver.mondayAhead().plusWeeks(1);
    long heldBooking = bookings.reserve(held, unit, "1", day);
    long droppedBooking = bookings.reserve(dropped, unit, "1", day);
    String path = "/calendar/" + feeds.issue(FeedOwner.applicant(owner), "en", "test") + ".ics";
    Map<String, VEvent> before = events(path);

    bookings.recordSession(held, unit, heldBooking);
    cancellations.completeCancellation(dropped);
    Map<String, VEvent> after = events(path);

    VEvent completed = after.get(uid(heldBooking));
    assertThat(completed.getSequence().getValue()).isGreaterThan(before.get(uid(heldBooking)).getSequence().getValue());
    assertThat(completed.getStatus().isConfirmed()).isTrue();
    assertThat(completed.getDescription().getValue()).contains("Session recorded.");
    VEvent cancelled = after.get(uid(droppedBooking));
    assertThat(cancelled).as("a cancelled session stays in the feed").isNotNull();
    assertThat(cancelled.getStatus().isCancelled()).isTrue();
    assertThat(cancelled.getSequence().getValue()).isGreaterThan(before.get(uid(droppedBooking)).getSequence().getValue());
    assertThat(cancelled.getLastModified().getValue()).isAfterOrEqualTo(before.get(uid(droppedBooking)).getLastModified().getValue());
    assertThat(cancelled.getSummary().getValue()).startsWith("Cancelled: ");
  }

  @Test
  void aRotatedAddressAndAnUnknownOneAre404() {
    String first = feeds.issue(FeedOwner.applicant(otherApplicant), "en", "test");
    assertThat(get("/calendar/" + first + ".ics", Map.of()).statusCode()).isEqualTo(200);

    String second = feeds.issue(FeedOwner.applicant(otherApplicant), "en", "test");

    assertThat(get("/calendar/" + first + ".ics", Map.of()).statusCode()).as("the rotated address").isEqualTo(404);
    assertThat(get("/calendar/" + second + ".ics", Map.of()).statusCode()).isEqualTo(200);
    assertThat(get("/calendar/" + "A".repeat(CalendarFeeds.SECRET_LENGTH) + ".ics", Map.of()).statusCode()).as("unknown").isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_feeds WHERE kind = 'APPLICANT' AND account_id = ?", Integer.class, otherApplicant))
        .as("one feed per owner").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT token_hash FROM calendar_feeds WHERE account_id = ?", String.class, otherApplicant))
        .as("only the hash is kept").doesNotContain(second).hasSize(64);
  }

  @Test
  void malformedAndOverlongAddressesAre404AndNeverAnError() {
    String secret = feeds.issue(FeedOwner.applicant(otherApplicant), "en", "test");
    for (String path : List.of(
        "/calendar/" + secret, "/calendar/" + secret + ".ics.ics", "/calendar/" + secret + "x.ics", "/calendar/not%20a%20token.ics",
        "/calendar/%E2%9C%93%E2%9C%93.ics", "/calendar/" + "a".repeat(500) + ".ics", "/calendar/" + "b".repeat(4000) + ".ics",
        "/calendar/.ics", "/calendar/" + secret.toLowerCase() + ".ics", "/calendar")) {
      HttpResponse<String> response = get(path, Map.of());
      assertThat(response.statusCode()).as(path.length() > 80 ? path.substring(0, 80) + "…" : path).isEqualTo(404);
      assertThat(response.body()).doesNotContain("Exception");
    }
    for (String path : List.of("/calendar/%00.ics", "/calendar/..%2F..%2Fetc.ics", "/calendar/a;b.ics", "/calendar/" + "c".repeat(20_000) + ".ics")) {
      assertThat(get(path, Map.of()).statusCode()).as("refused before the feed is looked at").isBetween(400, 499);
    }
  }

  private long caseTitled(String email, String confidentiality, String title) {
    long caseId = cases.file(email, "IN_SUPPORT", "academic", confidentiality);
    jdbc.update("UPDATE cases SET title = ? WHERE id = ?", title, caseId);
    return caseId;
  }

  private Map<String, VEvent> events(String path) {
    HttpResponse<String> response = get(path, Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    return Biweekly.parse(response.body()).first().getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e));
  }

  private Instant instant(String column, long booking) {
    // Stored as UTC wall-clock values (hibernate.jdbc.time_zone=UTC).
    return jdbc.queryForObject("SELECT " + column + " FROM bookings WHERE id = ?", LocalDateTime.class, booking).toInstant(ZoneOffset.UTC);
  }

  private static String uid(long booking) {
    return "booking-" + booking + "@localhost";
  }

  /** As a calendar application asks: no cookies, no sign-in. */
  private HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/calendar, */*");
    headers.forEach(request::header);
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
