package org.madoguchi.calendar;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingDriver;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.madoguchi.units.CaseTeams;
import org.madoguchi.units.TeamRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An applicant (in Japanese, from "my requests") and an operator (in English, from the console) find
 * their calendar feed, issue its address, follow the address shown as a calendar application would (a
 * fresh browser profile without a session downloads it), and rotate it: the old address is then 404.
 * The address shown is at {@code madoguchi.portal-url}; the downloading profile reaches that host at
 * this test's server, as a DNS name would. Screenshots: target/screenshots/ical-*.png.
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarFeedBrowserIT {

  private static final String PASSWORD = "calendar password 1";

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired Accounts accounts;
  @Autowired CaseTeams teams;
  @Autowired JdbcTemplate jdbc;
  @Autowired MadoguchiProperties properties;

  private BookingDriver bookings;
  private final String marker = "b" + System.nanoTime();
  private String applicant;
  private String operator;
  private String caseNumber;

  @BeforeAll
  void world() {
    bookings = new BookingDriver(context);
    CaseFixtures cases = new CaseFixtures(jdbc);
    String unit = bookings.newUnit();
    bookings.newInstrument(unit);
    applicant = "ical-" + marker + "@lab.example.ac.jp";
    operator = "ical-operator-" + marker + "@facility.example.jp";
    accounts.ensure(applicant, PASSWORD, "暦 花子", "ja", Set.of(Role.APPLICANT));
    long operatorId = accounts.ensure(operator, PASSWORD, "Ical Operator", "en", Set.of(Role.STAFF)).id();
    accounts.assignStaffGroups(operatorId, Set.of(StaffGroup.operators(unit)));
    long caseId = cases.file(applicant, "IN_SUPPORT", "academic", "open");
    caseNumber = cases.caseNumberOf(caseId);
    teams.assign(caseId, TeamRole.LEAD_OPERATOR, unit, operator, "Ical Operator");
    LocalDate monday = BookingDriver.mondayAhead();
    bookings.reserve(caseId, unit, "2", monday);
  }

  @AfterAll
  void removeWorld() {
    bookings.removeUnits();
  }

  @Test
  void anApplicantFindsIssuesFollowsAndRotatesTheirFeed() {
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), applicant, PASSWORD);
      page.locator("#calendar-feed-link").click();
      page.waitForURL("**/account/calendar");
      assertThat(page.locator("h1")).hasText("利用予定をカレンダーに");
      assertThat(page.locator("#feed-state")).containsText("アドレスはまだありません");
      PortalBrowser.shot(page, "ical-applicant-none");

      String first = issue(page, "#feed-issue");
      assertThat(page.locator("#feed-state")).containsText(applicant);
      PortalBrowser.shot(page, "ical-applicant-issued");
      ICalendar calendar = followAsACalendarApplication(first);
      assertThat(calendar.getEvents()).singleElement()
          .satisfies(event -> assertThat(event.getSummary().getValue()).contains(caseNumber));

      assertThat(page.locator("#feed-issue")).hasText("新しいアドレスを発行（古いアドレスは無効になります）");
      String second = issue(page, "#feed-issue");
      assertThat(second).isNotEqualTo(first);
      assertThat(statusAsACalendarApplication(first)).as("the rotated address").isEqualTo(404);
      assertThat(followAsACalendarApplication(second).getEvents()).hasSize(1);
      page.reload();
      assertThat(page.locator("#feed-url")).hasCount(0);
      PortalBrowser.shot(page, "ical-applicant-after-rotation");
    }
  }

  @Test
  void anOperatorFindsIssuesFollowsAndRotatesTheirFeedInTheConsole() {
    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), operator, PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-calendar-feeds").click();
      page.waitForURL("**/console/calendar-feeds");
      assertThat(page.locator("#operator-feed")).containsText("My sessions");
      assertThat(page.locator("#instrument-feeds")).hasCount(0);

      String first = issue(page, "#operator-feed-issue");
      PortalBrowser.shot(page, "ical-operator-issued");
      ICalendar calendar = followAsACalendarApplication(first);
      assertThat(calendar.getExperimentalProperty("X-WR-CALNAME").getValue()).isEqualTo("Madoguchi: sessions I run");
      assertThat(calendar.getEvents()).singleElement()
          .satisfies(event -> assertThat(event.getDescription().getValue()).contains("/console/cases/" + caseNumber));

      String second = issue(page, "#operator-feed-issue");
      assertThat(statusAsACalendarApplication(first)).as("the rotated address").isEqualTo(404);
      assertThat(statusAsACalendarApplication(second)).isEqualTo(200);
      PortalBrowser.shot(page, "ical-operator-rotated");
    }
  }

  /** Presses the button, reads the address shown once, and copies it with the page's button. */
  private String issue(Page page, String button) {
    page.locator(button).click();
    assertThat(page.locator("#feed-issued")).isVisible();
    String address = page.locator("#feed-url").inputValue();
    assertThat(address).startsWith(properties.portalUrl() + "/calendar/").endsWith(".ics");
    page.locator("#feed-copy").click();
    assertThat(page.locator("#feed-copy")).not().hasText("Copy");
    return address;
  }

  /** A fresh profile (no session) downloads the address, at this server; the body parsed by biweekly. */
  private ICalendar followAsACalendarApplication(String address) {
    try (BrowserContext calendarApp = atThisServer(browser.context("en-GB"))) {
      Page page = PortalBrowser.page(calendarApp);
      page.setContent("<a id='feed' href='" + address + "'>feed</a>");
      Download download = page.waitForDownload(() -> page.locator("#feed").click());
      assertThat(download.suggestedFilename()).isEqualTo("madoguchi.ics");
      String text = Files.readString(download.path(), StandardCharsets.UTF_8);
      return Biweekly.parse(text).first();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int statusAsACalendarApplication(String address) {
    try (BrowserContext calendarApp = atThisServer(browser.context("en-GB"))) {
      return calendarApp.request().get(address.replace(properties.portalUrl(), url(""))).status();
    }
  }

  /** The portal's public host answered by this test's server. */
  private BrowserContext atThisServer(BrowserContext context) {
    context.route(properties.portalUrl() + "/**", route -> route.resume(new Route.ResumeOptions().setUrl(route.request().url().replace(properties.portalUrl(), url("")))));
    return context;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
