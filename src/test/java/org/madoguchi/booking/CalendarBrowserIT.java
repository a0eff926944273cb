package org.madoguchi.booking;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.booking.BookingFixtures.mondayAhead;
import static org.madoguchi.booking.BookingFixtures.tokyo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.madoguchi.units.MaintenanceSchedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendars in Chromium: a unit coordinator sees the unit's week (bookings, maintenance, a closed day,
 * the legend, facility time), drags a session with the mouse to a free time and sees it moved, drags it
 * onto another session and sees it put back with the reason; an operator sees the sessions on their
 * instruments (in Japanese, not draggable); the applicant sees their sessions in Japanese. Screenshots: target/screenshots/calendar-*.png.
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarBrowserIT {

  private static final String PASSWORD = "calendar password 1";

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired ExactBookings exactBookings;
  @Autowired BookingCalendar calendar;
  @Autowired MaintenanceSchedule maintenance;
  @Autowired Submissions submissions;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  private BookingFixtures fixtures;
  private String unit;
  private String coordinator;
  private String operator;
  private CaseSummary c;
  private LocalDate monday;
  private long dragged;
  private long closureId;

  @BeforeAll
  void world() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
    unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 30_000, true);
    coordinator = "calendar-coordinator-" + System.nanoTime() + "@madoguchi.example";
    long coordinatorId = accounts.ensure(coordinator, PASSWORD, "Kei Coordinator", "en", Set.of(Role.STAFF)).id();
    accounts.assignStaffGroups(coordinatorId, Set.of(StaffGroup.unitCoordinators(unit)));
    operator = "calendar-operator-" + System.nanoTime() + "@madoguchi.example";
    long operatorId = accounts.ensure(operator, PASSWORD, "森 花", "ja", Set.of(Role.STAFF)).id();
    accounts.assignStaffGroups(operatorId, Set.of(StaffGroup.operators(unit)));
    jdbc.update("INSERT INTO operator_qualifications (instrument_id, account_id, granted_on) VALUES (?, ?, ?)",
        krios.id(), operatorId, Date.valueOf(LocalDate.now(BookingFixtures.TOKYO).minusDays(1)));
    c = fixtures.acceptedCase(unit);
    monday = mondayAhead();
    Actor by = Actor.staff("unit-" + unit, "Kei Coordinator");
    dragged = exactBookings.book(c.caseId(), unit, krios.id(), tokyo(monday, 10, 0), tokyo(monday, 11, 0), by).bookingId();
    exactBookings.book(c.caseId(), unit, krios.id(), tokyo(monday, 14, 0), tokyo(monday, 15, 0), by);
    maintenance.schedule(krios.id(), tokyo(monday.plusDays(1), 9, 0), tokyo(monday.plusDays(1), 12, 0), "Autoloader service");
    jdbc.update("INSERT INTO facility_closures (closed_on, reason) VALUES (?, 'Power inspection')", Date.valueOf(monday.plusDays(3)));
    closureId = jdbc.queryForObject("SELECT id FROM facility_closures WHERE closed_on = ?", Long.class, Date.valueOf(monday.plusDays(3)));
  }

  @AfterAll
  void removeWorld() {
    jdbc.update("DELETE FROM facility_closures WHERE id = ?", closureId);
    jdbc.update("DELETE q FROM operator_qualifications q JOIN instruments i ON i.id = q.instrument_id WHERE i.unit_code = ?", unit);
    fixtures.removeUnits();
  }

  @Test
  void aCoordinatorDragsASessionToAFreeTimeAndARefusedDragIsPutBack() {
    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), coordinator, PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-calendar").click();
      page.waitForURL("**/console/calendar");
      page.navigate(url("/console/calendar?unit=" + unit + "&date=" + monday));
      assertThat(page.locator("#calendar-zone")).containsText("Asia/Tokyo");
      assertThat(page.locator("#calendar-legend")).containsText("Planned maintenance");
      Locator session = page.locator(".ec-event.ev-reserved").filter(new Locator.FilterOptions().setHasText("10:00"));
      assertThat(session).hasCount(1);
      assertThat(page.locator(".ec-event.ev-reserved.ec-draggable")).hasCount(2);
      assertThat(page.locator(".ec-event.ev-maintenance.ec-draggable")).hasCount(0);
      assertThat(page.locator(".ec-event.ev-maintenance")).containsText("Autoloader service");
      assertThat(page.locator(".ec-event.ev-closure")).containsText("Power inspection");
      assertThat(page.locator("#session-" + dragged)).hasAttribute("href", "/console/sessions/" + dragged);
      PortalBrowser.shot(page, "calendar-unit-week");

      // A free time: two hours later on the same day.
      dragBy(page, session, 2);
      assertThat(page.locator("#calendar-status")).containsText("Moved " + c.caseNumber());
      assertThat(calendar.booking(dragged).orElseThrow().start()).isEqualTo(tokyo(monday, 12, 0));
      Locator moved = page.locator(".ec-event.ev-reserved").filter(new Locator.FilterOptions().setHasText("12:00"));
      assertThat(moved).hasCount(1);
      PortalBrowser.shot(page, "calendar-moved");

      // Onto the other session at 14:00: refused (409), put back, with the reason.
      dragBy(page, moved, 2);
      assertThat(page.locator("#calendar-status")).containsText("Not moved");
      assertThat(page.locator("#calendar-status")).containsText("no longer available");
      assertThat(page.locator(".ec-event.ev-reserved").filter(new Locator.FilterOptions().setHasText("12:00"))).hasCount(1);
      assertThat(calendar.booking(dragged).orElseThrow().start()).isEqualTo(tokyo(monday, 12, 0));
      PortalBrowser.shot(page, "calendar-move-refused");

      page.locator(".ec-button.ec-timeGridDay").click();
      assertThat(page.locator(".ec-event.ev-reserved")).hasCount(2);
      PortalBrowser.shot(page, "calendar-unit-day");
    }
  }

  @Test
  void anOperatorSeesTheSessionsOfTheirInstrumentsInJapaneseAndCannotDragThem() {
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), operator, PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-calendar").click();
      page.locator("#calendar-mine").click();
      page.waitForURL("**/console/calendar?mine=true");
      page.navigate(url("/console/calendar?mine=true&date=" + monday));
      assertThat(page.locator("h1")).hasText("担当の利用枠（オペレーター）");
      assertThat(page.locator("#calendar-zone")).containsText("Asia/Tokyo");
      assertThat(page.locator(".ec-event.ev-reserved")).hasCount(2);
      assertThat(page.locator("#calendar-list")).containsText(c.caseNumber());
      assertThat(page.locator("#drag-hint")).hasCount(0);
      assertThat(page.locator(".ec-event.ev-reserved.ec-draggable")).hasCount(0);
      PortalBrowser.shot(page, "calendar-operator-ja");
    }
  }

  @Test
  void theApplicantSeesTheirSessionsInJapanese() {
    String email = accounts.find(c.accountId()).orElseThrow().email();
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), email, "secret-" + email);
      page.locator("#nav-sessions").click();
      page.waitForURL("**/portal/sessions");
      assertThat(page.locator("h1")).hasText("利用枠");
      assertThat(page.locator("#calendar-zone")).containsText("Asia/Tokyo");
      assertThat(page.locator("#sessions")).containsText(c.caseNumber());
      assertThat(page.locator("#sessions")).containsText("予約済み");
      assertThat(page.locator("#feed-link")).hasAttribute("href", "/account/calendar");
      page.locator(".ec-button.ec-next").click();
      PortalBrowser.shot(page, "calendar-portal-sessions-ja");
      page.locator("#sessions a").first().click();
      page.waitForURL("**/portal/requests/" + c.caseNumber());
      assertThat(page.locator("#case-sessions-link")).isVisible();
    }
  }

  /** Drags the event with the mouse by {@code hours} down the time grid (an hour-long event is an hour high). */
  private static void dragBy(Page page, Locator event, int hours) {
    BoundingBox box = event.boundingBox();
    double x = box.x + box.width / 2;
    double y = box.y + 5;
    page.mouse().move(x, y);
    page.mouse().down();
    page.mouse().move(x, y + 10, new Mouse.MoveOptions().setSteps(3));
    page.mouse().move(x, y + hours * hourHeight(page), new Mouse.MoveOptions().setSteps(12));
    page.mouse().up();
  }

  /** The height of an hour in the time grid: two 30-minute slots of the calendar's slot height. */
  private static double hourHeight(Page page) {
    Object slot = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.ec-event')).getPropertyValue('--ec-slot-height')) || 24");
    return ((Number) slot).doubleValue() * 2;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
