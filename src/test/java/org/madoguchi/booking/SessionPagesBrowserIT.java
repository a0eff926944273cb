package org.madoguchi.booking;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.booking.BookingFixtures.TestInstrument;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session page, utilisation and the applicant's cancellation in Chromium: the unit's operator
 * (English) checks a started session in; its coordinator (Japanese) opens this month's utilisation from
 * the console's navigation; the applicant (Japanese) cancels a session that starts in three hours and
 * is told first that it is late and may be charged. Screenshots: target/screenshots/sessions-*.png.
 */
@MadoguchiIT
class SessionPagesBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String PASSWORD = "sessions password 1";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;

  private BookingFixtures fixtures;

  @AfterEach
  void removeUnit() {
    fixtures.removeUnits();
  }

  @Test
  void anOperatorChecksInACoordinatorReadsUtilisationAndTheApplicantCancelsLate() {
    fixtures = new BookingFixtures(jdbc, accounts, submissions, tx);
    String unit = fixtures.newUnit();
    TestInstrument krios = fixtures.newInstrument(unit, "cryo-em", 40_000, true);
    CaseSummary c = fixtures.acceptedCase(unit);
    Instant next = BookingFixtures.nextHalfHour(clock.instant());
    long running = fixtures.heldBooking(c.caseId(), unit, krios.id(), next.minus(Duration.ofMinutes(30)), next.plus(Duration.ofHours(2)));
    long later = fixtures.heldBooking(c.caseId(), unit, krios.id(), next.plus(Duration.ofHours(3)), next.plus(Duration.ofHours(5)));
    String operator = staff("operator", "Unit Operator", "en", StaffGroup.operators(unit));
    String coordinator = staff("coordinator", "ユニット 調整者", "ja", StaffGroup.unitCoordinators(unit));

    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), operator, PASSWORD);
      page.waitForURL("**/console");
      page.navigate(url("/console/sessions/" + running));
      assertThat(page.locator("#session-instrument")).containsText(krios.name());
      assertThat(page.locator("#session-case")).containsText(c.caseNumber());
      assertThat(page.locator("#session-period")).isVisible();
      PortalBrowser.shot(page, "sessions-operator-page");
      page.locator("#check-in").click();
      assertThat(page.locator("#session-done")).containsText("Checked in");
      assertThat(page.locator("#session-checked-in")).isVisible();
      assertThat(page.locator("#check-in")).hasCount(0);
      PortalBrowser.shot(page, "sessions-operator-checked-in");
    }

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), coordinator, PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-utilisation").click();
      page.waitForURL("**/console/utilisation");
      assertThat(page.locator("#utilisation tr[data-instrument='" + krios.id() + "']")).containsText(krios.name());
      assertThat(page.locator("#utilisation-csv")).isVisible();
      PortalBrowser.shot(page, "sessions-utilisation-ja");
    }

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), c.email(), "secret-" + c.email());
      page.waitForURL("**/portal/requests");
      page.navigate(url("/portal/requests/" + c.caseNumber()));
      assertThat(page.locator("#sessions")).isVisible();
      assertThat(page.locator("#cancel-session-" + running)).hasCount(0);
      page.locator("#cancel-session-" + later).click();
      assertThat(page.locator("#late-warning")).containsText("料金");
      PortalBrowser.shot(page, "sessions-applicant-cancel-late-ja");
      page.locator("#confirm-session-cancel").click();
      assertThat(page.locator("#session-cancelled")).isVisible();
      assertThat(page.locator("#cancel-session-" + later)).hasCount(0);
      PortalBrowser.shot(page, "sessions-applicant-cancelled-ja");
    }
  }

  private String staff(String who, String name, String language, StaffGroup group) {
    String email = who + "-" + System.nanoTime() + "@madoguchi.example";
    accounts.assignStaffGroups(accounts.ensure(email, PASSWORD, name, language, Set.of(Role.STAFF)).id(), Set.of(group));
    return email;
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
