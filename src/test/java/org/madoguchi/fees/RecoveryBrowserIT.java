package org.madoguchi.fees;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost recovery pages in Chromium: a unit's coordinator (Japanese) opens them from the console's
 * navigation, records a repair without saying what it was (refused at the field, in Japanese), then with
 * it; finance (English) picks FY2026 in the report and sees the repair against the upkeep an academic and
 * an industry case paid. Screenshots: target/screenshots/recovery-*.png.
 */
@MadoguchiIT
class RecoveryBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired StatementResponses responses;

  @Test
  void aCoordinatorRecordsARepairAndFinanceReadsTheYearsRecovery() {
    RecoveryFixtures fixtures = new RecoveryFixtures(jdbc, accounts, assessments, delivery, responses);
    long krios = fixtures.instrument();
    String unit = fixtures.unitOf(krios);
    String coordinator = fixtures.staff("coordinator", "ja", StaffGroup.unitCoordinators(unit));
    String finance = fixtures.staff("finance", "en", StaffGroup.FINANCE);
    // Academic: 3 hours at 30 % of 41,000 = 36,900; industry: 4 hours at full cost = 164,000.
    fixtures.acceptedCase("academic", krios, LocalDateTime.parse("2026-05-11T10:00"), "3", Map.of("instrument-upkeep", "0.3"));
    fixtures.acceptedCase("industry", krios, LocalDateTime.parse("2026-06-01T13:00"), "4", Map.of());

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), coordinator, RecoveryFixtures.PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-recovery").click();
      page.waitForURL("**/console/recovery");
      page.locator("#recovery-costs").click();
      page.waitForURL("**/console/recovery/costs**");
      page.locator("#cost-instrument").selectOption(Long.toString(krios));
      page.locator("#cost-date").fill("2026-05-20");
      page.locator("#cost-kind").selectOption("REPAIR");
      page.locator("#cost-amount").fill("1200000");
      page.locator("#record-cost").click();
      assertThat(page.locator("#cost-description-error")).containsText("何の費用か");
      PortalBrowser.shot(page, "recovery-costs-refused-ja");
      page.locator("#cost-description").fill("検出器の修理");
      page.locator("#record-cost").click();
      assertThat(page.locator("#saved")).containsText("記録しました");
      assertThat(page.locator("#cost-list")).containsText("検出器の修理");
      assertThat(page.locator("#cost-total td")).hasText("1,200,000");
      PortalBrowser.shot(page, "recovery-costs-ja");
    }

    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), finance, RecoveryFixtures.PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-recovery").click();
      page.waitForURL("**/console/recovery");
      page.locator("#year").selectOption("2026");
      page.locator("#show-year").click();
      page.waitForURL("**/console/recovery?year=2026");
      String row = "#recovery tr[data-instrument='" + krios + "'] ";
      assertThat(page.locator(row + "[data-figure=costs]")).hasText("1,200,000");
      assertThat(page.locator(row + "[data-figure=hours]")).hasText("7.0");
      assertThat(page.locator(row + "[data-figure=academic]")).hasText("36,900");
      assertThat(page.locator(row + "[data-figure=industry]")).hasText("164,000");
      assertThat(page.locator(row + "[data-figure=borne]")).hasText("999,100");
      assertThat(page.locator(row + "[data-figure=borne-percent]")).hasText("83.3");
      assertThat(page.locator("#recovery-csv")).isVisible();
      page.locator(row).scrollIntoViewIfNeeded();
      PortalBrowser.shot(page, "recovery-report");
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
