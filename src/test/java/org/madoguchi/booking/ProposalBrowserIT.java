package org.madoguchi.booking;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.madoguchi.units.JapanesePublicHolidays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The proposal flow in Chromium: a unit coordinator (English) drags two slots on the week calendar of the
 * unit's instrument, sees them listed and proposes them; the applicant (Japanese) picks one on the case
 * page and sees the session booked. Screenshots: target/screenshots/proposals-*.png.
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String PASSWORD = "proposal password 1";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  private BookingFixtures fixtures;

  @BeforeAll
  void fixtures() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, transaction);
  }

  @AfterAll
  void removeTestUnits() {
    jdbc.update("DELETE s FROM slot_proposal_slots s JOIN slot_proposals p ON p.id = s.proposal_id WHERE p.unit_code LIKE 'it-%'");
    jdbc.update("DELETE FROM slot_proposals WHERE unit_code LIKE 'it-%'");
    fixtures.removeUnits();
  }

  @Test
  void aCoordinatorProposesTwoSlotsOnTheCalendarAndTheApplicantPicksOne() {
    String unit = fixtures.newUnit();
    TestInstrument nmr = fixtures.newInstrument(unit, "nmr", 8_000, true);
    CaseSummary c = fixtures.acceptedCase(unit);
    fixtures.awaitingScheduling(c.caseId(), unit);
    String coordinator = "coordinator-" + System.nanoTime() + "@madoguchi.example";
    Account account = accounts.ensure(coordinator, PASSWORD, "Unit Coordinator", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(StaffGroup.unitCoordinators(unit)));
    // The calendar opens on this week; two weeks on (or the next week whose Wednesday is open) is past the lead time.
    LocalDate thisMonday = LocalDate.now(BookingFixtures.TOKYO).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int weeksAhead = 2;
    while (!JapanesePublicHolidays.bundled().between(thisMonday.plusWeeks(weeksAhead).plusDays(2), thisMonday.plusWeeks(weeksAhead).plusDays(2)).isEmpty()) {
      weeksAhead++;
    }
    LocalDate wednesday = thisMonday.plusWeeks(weeksAhead).plusDays(2);

    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), coordinator, PASSWORD);
      page.waitForURL("**/console");
      page.navigate(url("/console/cases/" + c.caseNumber() + "/proposals"));
      assertThat(page.locator("#proposal-calendar.ready")).isVisible();
      for (int week = 0; week < weeksAhead; week++) {
        page.locator("#proposal-calendar button.ec-next").click();
      }
      Locator wednesdayColumn = page.locator("#proposal-calendar .ec-body .ec-day").nth(2);
      assertThat(wednesdayColumn).isVisible();

      drag(page, wednesdayColumn, 10, 0, 11, 0);
      drag(page, wednesdayColumn, 13, 0, 14, 30);
      assertThat(page.locator("#chosen-slots li")).hasCount(2);
      assertThat(page.locator("#chosen-slots li").first()).containsText(wednesday + " 10:00");
      assertThat(page.locator("#chosen-slots li").nth(1)).containsText(wednesday + " 13:00");
      assertThat(page.locator("#chosen-slots li").nth(1)).containsText(wednesday + " 14:30");
      assertThat(page.locator("#proposal-calendar .chosen-slot")).hasCount(2);
      PortalBrowser.shot(page, "proposals-console-calendar");

      page.locator("#send-proposal").click();
      page.waitForURL("**/proposals?unit=" + unit);
      assertThat(page.locator("#proposed")).isVisible();
      assertThat(page.locator("#open-slots li")).hasCount(2);
      PortalBrowser.shot(page, "proposals-console-sent");
    }
    assertThat(jdbc.queryForList(
            "SELECT s.slot_start FROM slot_proposal_slots s JOIN slot_proposals p ON p.id = s.proposal_id WHERE p.case_id = ? ORDER BY s.slot_index",
            LocalDateTime.class, c.caseId()))
        .containsExactly(
            wednesday.atTime(10, 0).atZone(BookingFixtures.TOKYO).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime(),
            wednesday.atTime(13, 0).atZone(BookingFixtures.TOKYO).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime());

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), c.email(), "secret-" + c.email());
      page.navigate(url("/portal/requests/" + c.caseNumber()));
      assertThat(page.locator("#proposals-heading")).hasText("装置利用日時のご選択");
      assertThat(page.locator("#proposals .proposed-slots li")).hasCount(2);
      PortalBrowser.shot(page, "proposals-portal-choose");
      page.locator("#pick-slot-2").click();
      page.waitForURL("**/portal/requests/" + c.caseNumber() + "*");
      assertThat(page.locator("#proposal-answer")).hasText("ありがとうございます。装置利用を予約しました。");
      assertThat(page.locator("#proposals .session-booked")).containsText(wednesday + " 13:00");
      assertThat(page.locator("#timeline li[data-action=slot-chosen]")).isVisible();
      PortalBrowser.shot(page, "proposals-portal-booked");
    }
    assertThat(jdbc.queryForList("SELECT status FROM bookings WHERE case_id = ?", String.class, c.caseId())).isEqualTo(List.of("RESERVED"));
  }

  /** Drags down the day column from one facility time to another, as a person selects time on the calendar. */
  private static void drag(Page page, Locator day, int fromHour, int fromMinute, int toHour, int toMinute) {
    day.scrollIntoViewIfNeeded();
    BoundingBox box = day.boundingBox();
    double x = box.x + box.width / 2;
    double perMinute = box.height / (24 * 60);
    // Inside the first and the last half hour of the selection: the calendar snaps to the instrument's grid.
    double from = box.y + (fromHour * 60 + fromMinute + 5) * perMinute;
    double to = box.y + (toHour * 60 + toMinute - 5) * perMinute;
    page.mouse().move(x, from);
    page.mouse().down();
    page.mouse().move(x, to, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
    page.mouse().up();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
