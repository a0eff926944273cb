package org.madoguchi.booking;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.booking.BookingFixtures.mondayAhead;
import static org.madoguchi.booking.BookingFixtures.tokyo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.time.LocalDate;
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
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-use in Chromium. The unit's coordinator (English) allows self-use on an instrument's catalogue
 * page and grants an applicant the qualification (an unknown address is refused at the field); the
 * applicant (Japanese) sees the instrument's taken time in the week calendar, is refused a session over
 * the case's quota (422, the rule named) and books one within it. Screenshots:
 * target/screenshots/self-use-*.png.
 */
@MadoguchiIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfUseBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String PASSWORD = "self-use password 1";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ExactBookings exactBookings;

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
  void aCoordinatorGrantsSelfUseAndTheApplicantBooksInTheCalendar() {
    String marker = Long.toString(System.nanoTime(), 36);
    String unit = fixtures.newUnit();
    TestInstrument instrument = fixtures.newInstrument(unit, "confocal", 3_000, false);
    String coordinator = "self-use-coordinator-" + marker + "@madoguchi.example";
    Account staff = accounts.ensure(coordinator, PASSWORD, "Coordinator " + marker, "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(staff.id(), Set.of(StaffGroup.unitCoordinators(unit)));
    String applicantEmail = "self-user-" + marker + "@lab.example.ac.jp";
    Account applicant = accounts.ensure(applicantEmail, PASSWORD, "自己 利用者", "ja", Set.of(Role.APPLICANT));
    CaseSummary c = fixtures.acceptedCase(unit, applicant);
    LocalDate monday = mondayAhead();
    // Another case's session: taken time in the applicant's calendar.
    CaseSummary other = fixtures.acceptedCase(unit);
    exactBookings.book(other.caseId(), unit, instrument.id(), tokyo(monday, 13, 0), tokyo(monday, 15, 0), Actor.staff("unit-" + unit, coordinator));

    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), coordinator, PASSWORD);
      page.waitForURL("**/console");
      page.navigate(url("/console/catalogue/instruments/" + instrument.id()));
      assertThat(page.locator("#no-self-users")).isVisible();
      page.locator("#self-use-allowed").check();
      page.locator("#self-use-per-week").fill("2");
      page.locator("#self-use-quota").fill("4");
      page.locator("#save-self-use").click();
      page.waitForURL("**#self-use");
      assertThat(page.locator("#saved")).hasText("The self-use rules were saved.");
      assertThat(page.locator("#self-use-allowed")).isChecked();

      page.locator("#self-use-applicant").fill("nobody-" + marker + "@lab.example.ac.jp");
      Response refused = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("#grant-self-use").click());
      assertThat(refused.status()).isEqualTo(400);
      assertThat(page.locator("#self-use-applicant-error")).hasText("There is no applicant account with this e-mail address.");
      page.locator("#self-use-applicant").fill(applicantEmail);
      page.locator("#grant-self-use").click();
      page.waitForURL("**#self-use");
      assertThat(page.locator("#self-user-list tr[data-applicant='" + applicantEmail + "']")).containsText("valid until");
      assertThat(page.locator("#self-user-list tr[data-applicant='" + applicantEmail + "']")).containsText(coordinator);
      page.locator("#self-use").scrollIntoViewIfNeeded();
      PortalBrowser.shot(page, "self-use-catalogue");
    }

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), applicantEmail, PASSWORD);
      page.navigate(url("/portal/requests/" + c.caseNumber()));
      page.locator("#case-self-use-link").click();
      page.waitForURL("**/portal/requests/" + c.caseNumber() + "/self-use");
      assertThat(page.locator("h1")).hasText("セルフ利用の予約");
      page.navigate(url("/portal/requests/" + c.caseNumber() + "/self-use?week=" + monday));
      assertThat(page.locator("#self-use-instruments tr[data-instrument='" + instrument.id() + "']")).containsText("まで有効");
      assertThat(page.locator("#busy-calendar .ec-event").first()).containsText("予約済み");

      page.locator("#start").fill(monday + "T09:00");
      page.locator("#end").fill(monday + "T14:00");
      Response overQuota = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("#self-use-submit").click());
      assertThat(overQuota.status()).isEqualTo(422);
      assertThat(page.locator("#self-use-refused li[data-rule='self-use-quota'][data-field='end']")).containsText("4 時間");

      page.locator("#start").fill(monday + "T10:00");
      page.locator("#end").fill(monday + "T12:00");
      page.locator("#self-use-submit").click();
      page.waitForURL("**/self-use?instrument=" + instrument.id() + "&week=" + monday);
      assertThat(page.locator("#self-use-booked")).containsText(monday + " 10:00");
      assertThat(page.locator("#busy-calendar .ec-event")).hasCount(2);
      PortalBrowser.shot(page, "self-use-portal");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM self_use_bookings WHERE instrument_id = ?", Integer.class, instrument.id())).isEqualTo(1);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
