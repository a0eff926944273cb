package org.madoguchi.booking;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.cases.Submissions;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.madoguchi.testsupport.ProcessDriver;
import org.madoguchi.units.CatalogueAdministration;
import org.madoguchi.units.FacilityCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12's acceptance, on the real engine, database and Chromium: a unit coordinator proposes two slots
 * from the calendar; the applicant picks one in the portal (Japanese); the session appears in the
 * operator's calendar and in the applicant's iCalendar feed (parsed by biweekly); on the day, the operator
 * checks in and records the session, and the process records its usage. The application's clock is moved
 * to the day of the session (the engine's is not); screenshots: target/screenshots/acceptance-*.png.
 */
@MadoguchiIT
@Import(InstrumentBookingAcceptanceIT.MovableTime.class)
@DirtiesContext // closed after the class: its clock is moved, and its outbox relay must take no later test's rows
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstrumentBookingAcceptanceIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String PASSWORD = "acceptance password 1";
  private static final ZoneId TOKYO = BookingFixtures.TOKYO;

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired Submissions submissions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired CatalogueAdministration catalogue;
  @Autowired FacilityCalendar facilityCalendar;
  @Autowired MadoguchiProperties properties;
  @Autowired MovableClock clock;

  private BookingFixtures fixtures;

  @AfterAll
  void removeTheUnit() {
    fixtures.removeUnits();
  }

  @Test
  void aProposedSlotIsPickedSeenInTheCalendarsCheckedInAndRecorded() throws Exception {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    String coordinator = staff("coordinator", "Unit Coordinator", "en", StaffGroup.unitCoordinators(unit));
    String operator = staff("operator", "装置 オペレーター", "ja", StaffGroup.operators(unit));
    catalogue.grantQualification("admin@madoguchi.example", nmr.id(), operator, LocalDate.now(TOKYO), null);

    Journey journey = new Journey(ProcessDriver.onEmbeddedEngine(), jdbc);
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    journey.deskAccepts(run, unit);
    journey.unitAcceptsToPropose(run, unit, 2, "nmr");
    journey.engine().awaitActive(run.instance(), "ScheduleSession");

    // Two weeks on (past the instrument's lead time), an open weekday, in facility time.
    LocalDate thisMonday = LocalDate.now(TOKYO).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate day = thisMonday.plusWeeks(2).plusDays(1);
    while (facilityCalendar.isClosed(day) || day.getDayOfWeek().getValue() > 5) {
      day = day.plusDays(1);
    }
    long weeksAhead = ChronoUnit.WEEKS.between(thisMonday, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));

    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), coordinator, PASSWORD);
      page.waitForURL("**/console");
      page.navigate(url("/console/cases/" + run.caseNumber() + "/proposals"));
      assertThat(page.locator("#proposal-calendar.ready")).isVisible();
      for (int week = 0; week < weeksAhead; week++) {
        page.locator("#proposal-calendar button.ec-next").click();
      }
      Locator column = page.locator("#proposal-calendar .ec-body .ec-day").nth(day.getDayOfWeek().getValue() - 1);
      drag(page, column, 10, 0, 12, 0);
      drag(page, column, 14, 0, 16, 0);
      assertThat(page.locator("#chosen-slots li")).hasCount(2);
      assertThat(page.locator("#chosen-slots li").first()).containsText(day + " 10:00");
      PortalBrowser.shot(page, "acceptance-1-coordinator-proposes");
      page.locator("#send-proposal").click();
      assertThat(page.locator("#proposed")).isVisible();
    }
    journey.engine().awaitActive(run.instance(), "AwaitSlotChoice");

    Instant start = day.atTime(14, 0).atZone(TOKYO).toInstant();
    String feed;
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), applicant.email(), "secret-" + applicant.email());
      page.navigate(url("/portal/requests/" + run.caseNumber()));
      assertThat(page.locator("#proposals .proposed-slots li")).hasCount(2);
      PortalBrowser.shot(page, "acceptance-2-applicant-chooses-ja");
      page.locator("#pick-slot-2").click();
      assertThat(page.locator("#proposal-answer")).hasText("ありがとうございます。装置利用を予約しました。");
      assertThat(page.locator("#proposals .session-booked")).containsText(day + " 14:00");
      PortalBrowser.shot(page, "acceptance-3-applicant-booked-ja");

      page.navigate(url("/account/calendar"));
      page.locator("#feed-issue").click();
      feed = page.locator("#feed-url").inputValue();
    }
    journey.engine().awaitActive(run.instance(), "InstrumentSession");
    long bookingId = jdbc.queryForObject(
        "select id from bookings where case_id = ? and status = 'RESERVED'", Long.class, run.caseId());

    // The applicant's calendar application reads the feed: the session is there, at its time.
    ICalendar calendar = Biweekly.parse(fetch(feed)).first();
    assertThat(calendar.getEvents()).singleElement().satisfies(event -> {
      assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start);
      assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(start.plus(Duration.ofHours(2)));
      assertThat(event.getSummary().getValue()).contains(run.caseNumber());
    });

    // The day of the session, ten minutes before it starts.
    clock.moveTo(start.minus(Duration.ofMinutes(10)));
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), operator, PASSWORD);
      page.waitForURL("**/console");
      page.navigate(url("/console/calendar?mine=true&date=" + day));
      assertThat(page.locator(".ec-event.ev-reserved")).hasCount(1);
      assertThat(page.locator("#calendar-list")).containsText(run.caseNumber());
      PortalBrowser.shot(page, "acceptance-4-operator-calendar-ja");
      page.locator("#session-" + bookingId).click();
      page.waitForURL("**/console/sessions/" + bookingId);
      page.locator("#check-in").click();
      assertThat(page.locator("#session-checked-in")).isVisible();
      PortalBrowser.shot(page, "acceptance-5-operator-checked-in-ja");
    }
    journey.operatorRecordsSession(run, unit, 2, List.of(), List.of(Journey.dataset("NMR spectra", "images", 2)));
    journey.engine().awaitPassed(run.instance(), "RecordUsage");
    assertThat(jdbc.queryForMap("select status, checked_in_by from bookings where id = ?", bookingId))
        .containsEntry("status", "COMPLETED").containsEntry("checked_in_by", "staff:operators-" + unit + ":" + operator);
    assertThat(jdbc.queryForObject("select count(*) from usage_records where booking_id = ?", Long.class, bookingId)).isOne();
  }

  private String staff(String role, String name, String language, StaffGroup group) {
    String email = role + "-" + System.nanoTime() + "@madoguchi.example";
    Account account = accounts.ensure(email, PASSWORD, name, language, Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
    return email;
  }

  /** The feed as a calendar application reads it: a GET of its secret address, at this server. */
  private String fetch(String address) throws Exception {
    String path = URI.create(address).getRawPath();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  /** Drags down the day column from one facility time to another, as a person selects time on the calendar. */
  private static void drag(Page page, Locator day, int fromHour, int fromMinute, int toHour, int toMinute) {
    day.scrollIntoViewIfNeeded();
    BoundingBox box = day.boundingBox();
    double x = box.x + box.width / 2;
    double perMinute = box.height / (24 * 60);
    page.mouse().move(x, box.y + (fromHour * 60 + fromMinute + 5) * perMinute);
    page.mouse().down();
    page.mouse().move(x, box.y + (toHour * 60 + toMinute - 5) * perMinute, new Mouse.MoveOptions().setSteps(8));
    page.mouse().up();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The application's clock, moved forward by the test; the system's time until then. */
  static final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    MovableClock() {
      this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
      this.offset = offset;
      this.zone = zone;
    }

    void moveTo(Instant instant) {
      offset.set(Duration.between(Instant.now(), instant));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new MovableClock(offset, other);
    }
  }

  @TestConfiguration
  static class MovableTime {

    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }
}
