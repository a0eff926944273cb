package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.fees.recovery.CostRecovery;
import org.madoguchi.fees.recovery.FiscalYear;
import org.madoguchi.fees.recovery.RecoveryReport;
import org.madoguchi.fees.recovery.RecoveryReport.Figures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cost recovery over two fiscal years: costs recorded (and one reversed) on the costs page, sessions in
 * both years (one from 31 March 22:00 to 1 April 02:00, which counts in the year it starts), statements
 * accepted by an academic, an industry and a public applicant and one not yet accepted; every figure of
 * the report, its page and its CSV. Then bad input on the costs page: each a 4xx, nothing written.
 */
@MadoguchiIT
class CostRecoveryIT {

  private static final String COSTS = "/console/recovery/costs";
  private static final FiscalYear FY2025 = new FiscalYear(2025);
  private static final FiscalYear FY2026 = new FiscalYear(2026);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired StatementResponses responses;
  @Autowired CostRecovery recovery;

  private RecoveryFixtures fixtures;
  /** The cryo-EM instrument of unit A (upkeep 41,000 yen an hour), and one of unit B. */
  private long krios;
  private long otherKrios;
  private String unitA;
  private String unitB;
  private String finance;
  private String coordinatorA;

  @BeforeEach
  void world() {
    fixtures = new RecoveryFixtures(jdbc, accounts, assessments, delivery, responses);
    krios = fixtures.instrument();
    otherKrios = fixtures.instrument();
    unitA = fixtures.unitOf(krios);
    unitB = fixtures.unitOf(otherKrios);
    finance = fixtures.staff("finance", "en", StaffGroup.FINANCE);
    coordinatorA = fixtures.staff("coordinator", "en", StaffGroup.unitCoordinators(unitA));
  }

  @Test
  void everyFigureOfTheReportItsPageAndItsCsv() {
    PortalSession financeBrowser = signedIn(finance);
    PortalSession coordinatorBrowser = signedIn(coordinatorA);
    assertThat(record(financeBrowser, krios, "2025-06-10", "REPAIR", "1200000", "Detector repair").statusCode()).isEqualTo(302);
    assertThat(record(coordinatorBrowser, krios, "2026-03-31", "UPKEEP", "800000", "Cryogen and power, March").statusCode()).isEqualTo(302);
    HttpResponse<String> contract = record(financeBrowser, krios, "2026-04-01", "SERVICE_CONTRACT", "3000000", "Service contract FY2026");
    assertThat(contract.headers().firstValue("Location").orElse("")).contains(COSTS + "?instrument=" + krios + "&year=2026");
    assertThat(record(financeBrowser, krios, "2026-05-01", "CONSUMABLES", "999", "Typed the wrong amount").statusCode()).isEqualTo(302);
    long wrong = jdbc.queryForObject("select id from upkeep_costs where instrument_id = ? and amount_yen = 999", Long.class, krios);
    assertThat(financeBrowser.postForm(COSTS + "/" + wrong + "/reversal", Map.of("reason", "Amount typed wrong")).statusCode()).isEqualTo(302);
    assertThat(record(financeBrowser, otherKrios, "2026-07-01", "UPKEEP", "500000", "Helium").statusCode()).isEqualTo(302);

    // Academic: 22:00 on 31 March to 02:00 on 1 April, 3.25 hours used: FY2025; upkeep 133,250 x 0.3 = 39,975.
    fixtures.acceptedCase("academic", krios, LocalDateTime.parse("2026-03-31T22:00"), "3.25", Map.of("instrument-upkeep", "0.3", "reagent", "1"));
    // Industry: 2.5 hours on 1 April 2026 at full cost: upkeep 102,500 in FY2026 (operator time is no upkeep).
    fixtures.acceptedCase("industry", krios, LocalDateTime.parse("2026-04-01T10:00"), "2.5", Map.of("instrument-upkeep", "1", "reagent", "1"));
    // Industry, not accepted yet: its hour counts, its fee does not.
    fixtures.sentCase("industry", krios, LocalDateTime.parse("2025-05-01T09:00"), "1", Map.of());
    // Public (other): 2 hours on unit B's instrument, 82,000 x 0.3 = 24,600.
    fixtures.acceptedCase("public", otherKrios, LocalDateTime.parse("2026-06-01T13:00"), "2", Map.of("instrument-upkeep", "0.3", "reagent", "0"));

    RecoveryReport fy2025 = recovery.report(FY2025, List.of(unitA, unitB));
    RecoveryReport fy2026 = recovery.report(FY2026, List.of(unitB, unitA));
    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(figures(fy2025, krios)).isEqualTo(new Figures(2_000_000, new BigDecimal("4.25"), 39_975, 0, 0));
    softly.assertThat(figures(fy2025, otherKrios)).isEqualTo(new Figures(0, BigDecimal.ZERO, 0, 0, 0));
    softly.assertThat(figures(fy2026, krios)).isEqualTo(new Figures(3_000_000, new BigDecimal("2.50"), 0, 102_500, 0));
    softly.assertThat(figures(fy2026, otherKrios)).isEqualTo(new Figures(500_000, new BigDecimal("2.00"), 0, 0, 24_600));
    softly.assertThat(fy2026.units()).extracting(RecoveryReport.UnitSection::unitCode).as("by unit code").containsExactly(unitA, unitB);
    softly.assertThat(fy2026.units().get(0).total()).isEqualTo(figures(fy2026, krios));
    softly.assertThat(fy2026.total()).isEqualTo(new Figures(3_500_000, new BigDecimal("4.50"), 0, 102_500, 24_600));
    softly.assertThat(fy2025.total().bornePercent()).isEqualByComparingTo("98.0");
    softly.assertThat(fy2025.total().borneYen()).isEqualTo(1_960_025);
    softly.assertThat(fy2026.total().recoveredYen()).isEqualTo(127_100);
    softly.assertThat(fy2026.total().borneYen()).isEqualTo(3_372_900);
    softly.assertThat(fy2026.total().bornePercent()).isEqualByComparingTo("96.4");
    softly.assertThat(fy2026.total().hours()).isEqualByComparingTo("4.5");

    // The page, as finance (every unit): the rows of both instruments and unit A's total.
    String page2026 = financeBrowser.get("/console/recovery?year=2026").body();
    softly.assertThat(cells(page2026, "data-instrument=\"" + krios + "\""))
        .containsExactly("3,000,000", "2.5", "102,500", "0", "102,500", "0", "2,897,500", "96.6");
    softly.assertThat(cells(page2026, "data-instrument=\"" + otherKrios + "\""))
        .containsExactly("500,000", "2.0", "24,600", "0", "0", "24,600", "475,400", "95.1");
    softly.assertThat(cells(page2026, "data-unit-total=\"" + unitA + "\""))
        .containsExactly("3,000,000", "2.5", "102,500", "0", "102,500", "0", "2,897,500", "96.6");
    String page2025 = financeBrowser.get("/console/recovery?year=2025").body();
    softly.assertThat(cells(page2025, "data-instrument=\"" + krios + "\""))
        .containsExactly("2,000,000", "4.3", "39,975", "39,975", "0", "0", "1,960,025", "98.0");
    softly.assertThat(cells(page2025, "data-instrument=\"" + otherKrios + "\"")).containsExactly("0", "0.0", "0", "0", "0", "0", "0", "—");

    // The CSV, as unit A's coordinator (unit A only, so its total is unit A's), byte for byte.
    String header = "fiscal_year,row,unit,instrument_id,instrument,instrument_class,costs_yen,hours_used,recovered_yen,"
        + "recovered_academic_yen,recovered_industry_yen,recovered_other_yen,borne_yen,borne_percent\r\n";
    String name = unitA + " Krios";
    HttpResponse<byte[]> csv2025 = coordinatorBrowser.download("/console/recovery.csv?year=2025");
    softly.assertThat(csv2025.headers().firstValue("Content-Disposition").orElse("")).contains("cost-recovery-FY2025.csv");
    softly.assertThat(new String(csv2025.body(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + header
        + "2025,instrument," + unitA + "," + krios + "," + name + ",cryo-em,2000000,4.3,39975,39975,0,0,1960025,98.0\r\n"
        + "2025,unit," + unitA + ",,,,2000000,4.3,39975,39975,0,0,1960025,98.0\r\n"
        + "2025,total,,,,,2000000,4.3,39975,39975,0,0,1960025,98.0\r\n");
    softly.assertThat(new String(coordinatorBrowser.download("/console/recovery.csv?year=2026").body(), StandardCharsets.UTF_8))
        .isEqualTo("\uFEFF" + header
            + "2026,instrument," + unitA + "," + krios + "," + name + ",cryo-em,3000000,2.5,102500,0,102500,0,2897500,96.6\r\n"
            + "2026,unit," + unitA + ",,,,3000000,2.5,102500,0,102500,0,2897500,96.6\r\n"
            + "2026,total,,,,,3000000,2.5,102500,0,102500,0,2897500,96.6\r\n");
    String financeCsv = new String(financeBrowser.download("/console/recovery.csv?year=2026").body(), StandardCharsets.UTF_8);
    softly.assertThat(financeCsv).as("finance: every unit")
        .contains("2026,instrument," + unitB + "," + otherKrios + "," + unitB + " Krios,cryo-em,500000,2.0,24600,0,0,24600,475400,95.1\r\n")
        .contains("2026,unit," + unitB + ",,,,500000,2.0,24600,0,0,24600,475400,95.1\r\n")
        .contains("2026,instrument,structure,");

    // The costs page lists the year's entries, the reversal beside the entry it reverses, totals per kind.
    String costs2026 = financeBrowser.get(COSTS + "?instrument=" + krios + "&year=2026").body();
    softly.assertThat(costs2026).contains("Service contract FY2026", "Typed the wrong amount", "Amount typed wrong", "-999")
        .doesNotContain("Detector repair").doesNotContain("id=\"reverse-" + wrong + "\"");
    softly.assertThat(cells(costs2026, "id=\"cost-total\"")).containsExactly("3,000,000");
    softly.assertThat(cells(costs2026, "data-kind=\"CONSUMABLES\"")).containsExactly("0");
    softly.assertThat(coordinatorBrowser.get(COSTS + "?instrument=" + krios + "&year=2025").body()).contains("Detector repair", "Cryogen and power, March");
    softly.assertAll();
  }

  @Test
  void badInputIsRefusedAtItsFieldAndNothingIsWritten() {
    PortalSession financeBrowser = signedIn(finance);
    PortalSession coordinatorBrowser = signedIn(coordinatorA);
    assertThat(record(financeBrowser, otherKrios, "2026-07-01", "UPKEEP", "500000", "Helium").statusCode()).isEqualTo(302);
    long otherUnitsCost = jdbc.queryForObject("select max(id) from upkeep_costs where instrument_id = ?", Long.class, otherKrios);
    assertThat(record(coordinatorBrowser, krios, "2026-07-01", "UPKEEP", "1000", "Liquid nitrogen").statusCode()).isEqualTo(302);
    long ownCost = jdbc.queryForObject("select max(id) from upkeep_costs where instrument_id = ?", Long.class, krios);
    assertThat(financeBrowser.postForm(COSTS + "/" + ownCost + "/reversal", Map.of("reason", "Recorded twice")).statusCode()).isEqualTo(302);
    long reversal = jdbc.queryForObject("select id from upkeep_costs where reverses_id = ?", Long.class, ownCost);
    List<Map<String, Object>> before = costRows();

    SoftAssertions softly = new SoftAssertions();
    Map<String, String> withoutInstrument = new LinkedHashMap<>(form(krios, "2026-07-01", "UPKEEP", "1000", "No instrument"));
    withoutInstrument.remove("instrument");
    List<BadCost> badCosts = List.of(
        new BadCost("cost-amount-error", form(krios, "2026-07-01", "UPKEEP", "-5", "Negative")),
        new BadCost("cost-amount-error", form(krios, "2026-07-01", "UPKEEP", "0", "Zero")),
        new BadCost("cost-amount-error", form(krios, "2026-07-01", "UPKEEP", "10000000001", "Absurd")),
        new BadCost("cost-amount-error", form(krios, "2026-07-01", "UPKEEP", "99999999999999999999999", "Beyond a long")),
        new BadCost("cost-amount-error", form(krios, "2026-07-01", "UPKEEP", "12.5", "Not whole yen")),
        new BadCost("cost-description-error", form(krios, "2026-07-01", "UPKEEP", "1000", "x".repeat(501))),
        new BadCost("cost-description-error", form(krios, "2026-07-01", "UPKEEP", "1000", "   ")),
        new BadCost("cost-date-error", form(krios, "1999-12-31", "UPKEEP", "1000", "Too early")),
        new BadCost("cost-date-error", form(krios, "2100-01-01", "UPKEEP", "1000", "Too late")),
        new BadCost("cost-date-error", form(krios, "31/03/2026", "UPKEEP", "1000", "Not a date")),
        new BadCost("cost-kind-error", form(krios, "2026-07-01", "BRIBE", "1000", "No such kind")),
        new BadCost("cost-instrument-error", withoutInstrument));
    for (BadCost bad : badCosts) {
      HttpResponse<String> answer = coordinatorBrowser.postForm(COSTS, bad.form());
      softly.assertThat(answer.statusCode()).as("%s", bad).isEqualTo(400);
      softly.assertThat(answer.body()).as("%s", bad).contains("id=\"" + bad.errorId() + "\"").doesNotContain("Failed to convert");
    }
    HttpResponse<String> negative = coordinatorBrowser.postForm(COSTS, form(krios, "2026-07-01", "UPKEEP", "-5", "Negative"));
    softly.assertThat(negative.body()).contains("Give a whole number of yen from 1 to 10,000,000,000.");
    softly.assertThat(coordinatorBrowser.postForm(COSTS, form(999_999_999L, "2026-07-01", "UPKEEP", "1000", "Unknown")).statusCode())
        .as("an unknown instrument").isEqualTo(404);
    softly.assertThat(coordinatorBrowser.postForm(COSTS, form(otherKrios, "2026-07-01", "UPKEEP", "1000", "Not mine")).statusCode())
        .as("another unit's instrument").isEqualTo(403);
    softly.assertThat(coordinatorBrowser.get(COSTS + "?instrument=" + otherKrios).statusCode()).as("another unit's costs").isEqualTo(403);
    softly.assertThat(coordinatorBrowser.postForm(COSTS + "/" + otherUnitsCost + "/reversal", Map.of("reason", "Not mine")).statusCode())
        .as("reversing another unit's entry").isEqualTo(403);
    softly.assertThat(financeBrowser.postForm(COSTS + "/" + ownCost + "/reversal", Map.of("reason", "Again")).statusCode())
        .as("reversing twice").isEqualTo(409);
    softly.assertThat(financeBrowser.postForm(COSTS + "/" + reversal + "/reversal", Map.of("reason", "Undo")).statusCode())
        .as("reversing a reversal").isEqualTo(409);
    softly.assertThat(financeBrowser.postForm(COSTS + "/999999999/reversal", Map.of("reason", "None")).statusCode())
        .as("reversing no entry").isEqualTo(404);
    HttpResponse<String> noReason = financeBrowser.postForm(COSTS + "/" + otherUnitsCost + "/reversal", Map.of("reason", " "));
    softly.assertThat(noReason.statusCode()).as("a reversal without a reason").isEqualTo(400);
    softly.assertThat(noReason.body()).contains("id=\"reason-" + otherUnitsCost + "-error\"").contains("Say why the entry is reversed.");
    softly.assertThat(financeBrowser.postForm(COSTS + "/" + otherUnitsCost + "/reversal", Map.of("reason", "y".repeat(501))).statusCode())
        .as("a reason too long").isEqualTo(400);
    softly.assertThat(financeBrowser.postFormWithoutCsrf(COSTS, form(krios, "2026-07-01", "UPKEEP", "1000", "No token")).statusCode())
        .as("without CSRF").isEqualTo(403);
    softly.assertThat(financeBrowser.get("/console/recovery?year=abc").statusCode()).isEqualTo(400);
    softly.assertThat(financeBrowser.get("/console/recovery.csv?year=1999").statusCode()).isEqualTo(400);
    softly.assertThat(financeBrowser.get(COSTS + "?instrument=nine").statusCode()).isEqualTo(400);
    softly.assertThat(costRows()).as("nothing written").isEqualTo(before);
    softly.assertAll();
  }

  /** A cost form the page refuses, and the id of the error it shows at the field. */
  private record BadCost(String errorId, Map<String, String> form) {}

  private List<Map<String, Object>> costRows() {
    return jdbc.queryForList("select * from upkeep_costs order by id");
  }

  /** The texts of the numeric cells of the first row carrying {@code marker}. */
  private static List<String> cells(String html, String marker) {
    int at = html.indexOf(marker);
    assertThat(at).as("a row with " + marker).isGreaterThanOrEqualTo(0);
    String row = html.substring(at, html.indexOf("</tr>", at));
    Matcher cell = Pattern.compile("<td class=\"num\"[^>]*>([^<]*)</td>").matcher(row);
    List<String> texts = new ArrayList<>();
    while (cell.find()) {
      texts.add(cell.group(1).strip());
    }
    return texts;
  }

  private static Figures figures(RecoveryReport report, long instrumentId) {
    return report.units().stream().flatMap(u -> u.instruments().stream()).filter(r -> r.instrumentId() == instrumentId)
        .findFirst().orElseThrow().figures();
  }

  private HttpResponse<String> record(PortalSession browser, long instrument, String date, String kind, String amount, String description) {
    return browser.postForm(COSTS, form(instrument, date, kind, amount, description));
  }

  private static Map<String, String> form(long instrument, String date, String kind, String amount, String description) {
    return Map.of("instrument", Long.toString(instrument), "incurredOn", date, "kind", kind, "amountYen", amount, "description", description);
  }

  private PortalSession signedIn(String email) {
    PortalSession browser = new PortalSession(port);
    browser.signIn(email, RecoveryFixtures.PASSWORD);
    return browser;
  }
}
