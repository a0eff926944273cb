package org.madoguchi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalogue in Chromium. An admin (English) adds a unit, edits its instrument (a blank name is
 * refused at the field), qualifies an operator (an expiry before the grant is refused), adds unplanned
 * downtime over a booked session, which the page lists as to be moved with a link to its case, and a
 * facility closure; every change shows in the recent changes. The unit's coordinator (Japanese) sees
 * only that unit and gets the 403 page on another unit's instrument. Screenshots:
 * target/screenshots/catalogue-*.png.
 */
@MadoguchiIT
class CatalogueBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String PASSWORD = "catalogue password 1";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAdminAndAUnitCoordinatorAdministerTheCatalogue() {
    String marker = Long.toString(System.nanoTime(), 36);
    String unitCode = "lab-" + marker;
    String admin = staff("admin-" + marker, "Catalogue Admin", "en", StaffGroup.ADMINS);
    String coordinator = staff("coordinator-" + marker, "Coordinator " + marker, "ja", StaffGroup.unitCoordinators(unitCode));
    String operator = staff("operator-" + marker, "Operator " + marker, "en", StaffGroup.operators(unitCode));

    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), admin, PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-catalogue").click();
      page.waitForURL("**/console/catalogue");
      assertThat(page.locator("#closed-list tr[data-kind=holiday]").first()).isVisible();

      page.locator("#unit-form #unit-code").fill(unitCode);
      page.locator("#unit-form #name-ja").fill("テスト解析");
      page.locator("#unit-form #name-en").fill("Test analysis " + marker);
      page.locator("#unit-form #description").fill("A unit added by the browser test.");
      page.locator("#add-unit").click();
      page.waitForURL("**/console/catalogue/units/" + unitCode);
      assertThat(page.locator("#saved")).isVisible();

      page.locator("#instrument-form #instrument-name").fill("Glacios " + marker);
      page.locator("#instrument-form #instrument-class").selectOption("cryo-em");
      page.locator("#instrument-form #instrument-location").fill("Building C, cryo-EM hall");
      page.locator("#instrument-form #instrument-upkeep").fill("42000");
      page.locator("#add-instrument").click();
      page.waitForURL("**/console/catalogue/instruments/*");
      assertThat(page.locator("#instrument-title")).hasText("Glacios " + marker);
      assertThat(page.locator("#saved")).containsText("The instrument was added.");
      assertThat(page.locator("#rules-granularity")).hasValue("30");
      page.locator("#rules-granularity").fill("45");
      page.locator("#rules-max").fill("4320");
      Response offGrid = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("#save-booking-rules").click());
      assertThat(offGrid.status()).isEqualTo(400);
      assertThat(page.locator("#rules-granularity-error")).hasText("Give a multiple of 30 minutes from 30 to 1,440.");
      page.locator("#rules-granularity").fill("60");
      page.locator("#rules-min").fill("120");
      page.locator("#rules-lead").fill("48");
      page.locator("#rules-late").fill("72");
      page.locator("#save-booking-rules").click();
      page.waitForURL("**#booking-rules");
      assertThat(page.locator("#rules-max")).hasValue("4320");
      assertThat(page.locator("#change-list tr[data-action=booking-rules-edited]")).containsText("\"maxSessionMinutes\":4320");
      PortalBrowser.shot(page, "catalogue-booking-rules");
      page.navigate(url("/console/catalogue/units/" + unitCode));

      long instrumentId = instrumentWithABooking(unitCode, marker);
      String caseNumber = jdbc.queryForObject(
          "select c.case_number from bookings b join cases c on c.id = b.case_id where b.instrument_id = ?", String.class, instrumentId);
      page.reload();
      assertThat(page.locator("#operator-list tr[data-operator='" + operator + "']")).containsText("No instrument");
      page.locator("#instrument-list tr[data-instrument='" + instrumentId + "'] a").click();
      page.waitForURL("**/console/catalogue/instruments/" + instrumentId);

      page.locator("#instrument-name").fill(" ");
      Response refused = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("#save-instrument").click());
      assertThat(refused.status()).isEqualTo(400);
      assertThat(page.locator("#instrument-name-error")).hasText("Fill in this field.");
      page.locator("#instrument-name").fill("Test NMR " + marker + " (600 MHz)");
      page.locator("#instrument-location").fill("Building B, room 101");
      page.locator("#instrument-upkeep").fill("6500");
      page.locator("#instrument-assisted").uncheck();
      page.locator("#save-instrument").click();
      page.waitForURL("**/instruments/" + instrumentId + "#instrument");
      assertThat(page.locator("#instrument-title")).hasText("Test NMR " + marker + " (600 MHz)");

      page.locator("#qualification-operator").selectOption(operator);
      page.locator("#qualification-granted").fill("2030-04-01");
      page.locator("#qualification-expires").fill("2030-03-01");
      page.locator("#grant-qualification").click();
      assertThat(page.locator("#qualification-expires-error")).hasText("The expiry must come after the day it is granted.");
      page.locator("#qualification-expires").fill("2031-04-01");
      page.locator("#grant-qualification").click();
      page.waitForURL("**#qualifications");
      assertThat(page.locator("#qualification-list tr[data-operator='" + operator + "']")).containsText("Operator " + marker);

      page.locator("#window-unplanned").check();
      page.locator("#window-start").fill("2037-03-02T18:00");
      page.locator("#window-end").fill("2037-03-03T12:00");
      page.locator("#window-reason").fill("Cryoprobe failure; waiting for the vendor");
      page.locator("#add-window").click();
      page.waitForURL("**#windows");
      assertThat(page.locator("#window-list tr[data-kind=unplanned]")).containsText("Unplanned downtime");
      assertThat(page.locator("#window-list .to-move a")).hasText(caseNumber);
      assertThat(page.locator("#window-list .to-move a")).hasAttribute("href", "/console/cases/" + caseNumber);
      assertThat(page.locator("#change-list tr[data-action=window-added]")).containsText(admin);
      assertThat(page.locator("#change-list tr[data-action=instrument-edited]")).containsText("\"hourlyUpkeepYen\":6500");
      PortalBrowser.shot(page, "catalogue-instrument");

      page.navigate(url("/console/catalogue/units/" + unitCode));
      assertThat(page.locator("#operator-list tr[data-operator='" + operator + "']")).containsText("Test NMR " + marker);
      PortalBrowser.shot(page, "catalogue-unit");

      page.navigate(url("/console/catalogue"));
      // The page lists this year's and next year's closed days.
      String closedOn = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusYears(1).withMonth(12).withDayOfMonth(28).toString();
      page.locator("#closed-on").fill(closedOn);
      page.locator("#closure-reason").fill("Year-end closure " + marker);
      page.locator("#add-closure").click();
      page.waitForURL("**#closed-days");
      assertThat(page.locator("#closed-list tr[data-date='" + closedOn + "']")).containsText("Year-end closure " + marker);
      PortalBrowser.shot(page, "catalogue-home");
      page.locator("#closed-list tr[data-date='" + closedOn + "'] button").click();
      page.waitForURL("**#closed-days");
      assertThat(page.locator("#closed-list tr[data-date='" + closedOn + "']")).hasCount(0);
    }

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), coordinator, PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-catalogue").click();
      page.waitForURL("**/console/catalogue");
      assertThat(page.locator("#unit-list tbody tr")).hasCount(1);
      assertThat(page.locator("#unit-list tr[data-unit='" + unitCode + "']")).containsText("テスト解析");
      assertThat(page.locator("#unit-form")).hasCount(0);
      assertThat(page.locator("#change-list tr[data-action=unit-added]")).hasCount(0);
      String newYear = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusYears(1).withDayOfYear(1).toString();
      assertThat(page.locator("#closed-list tr[data-date='" + newYear + "']")).containsText("元日");
      PortalBrowser.shot(page, "catalogue-coordinator-ja");
      page.locator("#unit-list a").click();
      assertThat(page.locator("#instrument-list tbody tr")).hasCount(2);
      assertThat(page.locator("#instrument-list")).containsText("¥6,500/時間");
      assertThat(page.locator("#instrument-list")).containsText("¥42,000/時間");

      Response forbidden = page.navigate(url("/console/catalogue/instruments/1"));
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(page.locator("#error-title")).isVisible();
      assertThat(page.content()).doesNotContain("Titan Krios");
      PortalBrowser.shot(page, "catalogue-forbidden-ja");
    }
  }

  private String staff(String name, String displayName, String language, StaffGroup group) {
    String email = name + "@madoguchi.example";
    Account account = accounts.ensure(email, PASSWORD, displayName, language, Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
    return email;
  }

  /** An instrument of the new unit with a session booked on 3 March 2037, 09:00-11:00 in Tokyo (00:00-02:00 UTC). */
  private long instrumentWithABooking(String unitCode, String marker) {
    jdbc.update("insert into instruments (unit_code, name, instrument_class, location, hourly_upkeep_yen, operator_assisted, active)"
        + " values (?, ?, 'nmr', 'Building B', 5000, true, true)", unitCode, "Test NMR " + marker);
    long instrumentId = jdbc.queryForObject("select id from instruments where name = ?", Long.class, "Test NMR " + marker);
    String applicant = "applicant-" + marker + "@lab.example.ac.jp";
    accounts.ensure(applicant, PASSWORD, "Applicant", "en", Set.of(Role.APPLICANT));
    long caseId = new CaseFixtures(jdbc).file(applicant, "IN_SUPPORT", "academic", "open");
    LocalDateTime now = LocalDateTime.of(2030, 1, 1, 0, 0);
    long key = CaseFixtures.uniqueId();
    jdbc.update("insert into bookings (case_id, unit_code, instrument_id, process_instance_key, element_instance_key, requested_hours,"
            + " slot_start, slot_end, status, created_at, updated_at) values (?, ?, ?, ?, ?, 2, ?, ?, 'RESERVED', ?, ?)",
        caseId, unitCode, instrumentId, key, key, LocalDateTime.of(2037, 3, 3, 0, 0), LocalDateTime.of(2037, 3, 3, 2, 0), now, now);
    return instrumentId;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
