package org.madoguchi.admin.feepreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.admin.FeeSchedulePreview;
import org.madoguchi.admin.FeeSchedulePreview.CasePreview;
import org.madoguchi.admin.FeeSchedulePreview.LineChange;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fee-table preview on closed cases in the real database, priced with the application's 10 %
 * consumption tax: a reagent pass-through rate doubled from 50 % to 100 % changes the academic case's
 * reagent line and total to the yen, and leaves the industry case (full cost under its own rule) alone.
 */
@MadoguchiIT
class FeeSchedulePreviewIT {

  /** The test's cases are the newest closed ones; other tests' closed cases may be touched meanwhile. */
  private static final int RECENT = 20;

  private static final String REAGENT_RATE = "<outputEntry id=\"Rule_ReagentsAtCost_Out1\">\n          <text>1.0</text>";

  @Autowired FeeSchedulePreview preview;
  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;

  String academicCase;
  String industryCase;

  @BeforeEach
  void closedCasesWithReagents() {
    String email = "fee-preview-" + System.nanoTime() + "@lab.example.ac.jp";
    accounts.ensure(email, "fee-preview-password", "Preview Tester", "ja", Set.of(Role.APPLICANT));
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    long instrument = instrument();
    long academic = fixtures.file(email, "CLOSED", "academic", "open");
    long industry = fixtures.file(email, "CLOSED", "industry", "open");
    for (long caseId : new long[] {academic, industry}) {
      long record = usageRecord(caseId, instrument);
      usageItem(record, caseId, 1, "instrument-upkeep", "Krios G4", "2.5", 41_000);
      usageItem(record, caseId, 2, "reagent", "Detergent LMNG", "2", 9_999);
      usageItem(record, caseId, 3, "consumable", "Quantifoil grids", "3", 1_234);
    }
    academicCase = fixtures.caseNumberOf(academic);
    industryCase = fixtures.caseNumberOf(industry);
  }

  @Test
  void aDoubledReagentRateChangesTheReagentLinesAndTotals() throws IOException {
    ModelFile deployed = schedule("0.5");
    ModelFile doubled = schedule("1.0");

    Map<String, CasePreview> cases =
        preview.preview(doubled, deployed, RECENT).cases().stream()
            .collect(Collectors.toMap(CasePreview::caseNumber, Function.identity()));

    assertThat(cases).containsKeys(academicCase, industryCase);
    // 30,750 upkeep share + 9,999 reagent + 0 consumable = 40,749 + tax 4,074; then 19,998 reagent: 50,748 + 5,074.
    CasePreview academic = cases.get(academicCase);
    assertThat(academic.oldTotalYen()).isEqualTo(44_823);
    assertThat(academic.newTotalYen()).isEqualTo(55_822);
    assertThat(academic.changedLines())
        .containsExactly(new LineChange("#" + reagentId(academicCase) + " Detergent LMNG (reagent, cryo-em)",
            "Reagents at cost", "Reagents at cost", 9_999, 19_998));
    // 102,500 + 19,998 + 3,702 = 126,200 + tax 12,620, under "Industry: full cost" in both tables.
    CasePreview industry = cases.get(industryCase);
    assertThat(industry.oldTotalYen()).isEqualTo(138_820);
    assertThat(industry.newTotalYen()).isEqualTo(138_820);
    assertThat(industry.changedLines()).isEmpty();
  }

  @Test
  void aRateAboveTheWholeCostIsRefusedAsFeeAssessmentWouldRefuseIt() throws IOException {
    assertThatThrownBy(() -> preview.preview(schedule("2.0"), schedule("1.0"), RECENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fee-schedule.dmn cannot price case")
        .hasMessageContaining("chargeRate must be between 0 and 1, got 2");
  }

  @Test
  void aFileWithoutTheFeeScheduleDecisionIsRefused() throws IOException {
    ModelFile other = new ModelFile("unit-suggestion.dmn", Files.readAllBytes(Path.of("bpmn/unit-suggestion.dmn")));

    assertThatThrownBy(() -> preview.preview(other, schedule("1.0"), RECENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit-suggestion.dmn has no decision fee-schedule");
  }

  /** bpmn/fee-schedule.dmn with the academic reagent rule's charge rate set to {@code rate}. */
  private static ModelFile schedule(String rate) throws IOException {
    String table = Files.readString(Path.of("bpmn/fee-schedule.dmn"));
    assertThat(table).contains(REAGENT_RATE);
    String edited = table.replace(REAGENT_RATE, REAGENT_RATE.replace("1.0", rate));
    return new ModelFile("fee-schedule.dmn", edited.getBytes(StandardCharsets.UTF_8));
  }

  private long instrument() {
    String unit = "fp-" + Long.toString(System.nanoTime(), 36);
    jdbc.update("INSERT INTO support_units (code, name_ja, name_en, description) VALUES (?, '試験', 'Preview unit', 'fee preview')", unit);
    String name = unit + " Krios";
    jdbc.update(
        "INSERT INTO instruments (unit_code, name, instrument_class, location, hourly_upkeep_yen, operator_assisted, active)"
            + " VALUES (?, ?, 'cryo-em', 'Test hall', 41000, TRUE, TRUE)",
        unit, name);
    return jdbc.queryForObject("SELECT id FROM instruments WHERE name = ?", Long.class, name);
  }

  private long usageRecord(long caseId, long instrument) {
    Timestamp start = Timestamp.from(Instant.parse("2026-01-05T01:00:00Z"));
    Timestamp end = Timestamp.from(Instant.parse("2026-01-05T04:00:00Z"));
    long key = CaseFixtures.uniqueId();
    jdbc.update(
        "INSERT INTO bookings (case_id, unit_code, instrument_id, process_instance_key, element_instance_key, requested_hours,"
            + " slot_start, slot_end, status, created_at, updated_at)"
            + " SELECT ?, unit_code, id, ?, ?, 3, ?, ?, 'COMPLETED', ?, ? FROM instruments WHERE id = ?",
        caseId, key, key, start, end, end, end, instrument);
    long booking = jdbc.queryForObject("SELECT id FROM bookings WHERE element_instance_key = ?", Long.class, key);
    jdbc.update(
        "INSERT INTO usage_records (booking_id, case_id, unit_code, instrument_id, actual_hours, dataset_count, recorded_at)"
            + " SELECT id, case_id, unit_code, instrument_id, 2.5, 0, slot_end FROM bookings WHERE id = ?",
        booking);
    return jdbc.queryForObject("SELECT id FROM usage_records WHERE booking_id = ?", Long.class, booking);
  }

  private void usageItem(long record, long caseId, int line, String kind, String description, String quantity, long unitCost) {
    jdbc.update(
        "INSERT INTO usage_items (usage_record_id, line_no, case_id, unit_code, instrument_class, item_kind, description,"
            + " quantity, unit_cost_yen) SELECT id, ?, case_id, unit_code, 'cryo-em', ?, ?, ?, ? FROM usage_records WHERE id = ?",
        line, kind, description, new BigDecimal(quantity), unitCost, record);
  }

  private long reagentId(String caseNumber) {
    return jdbc.queryForObject(
        "SELECT u.id FROM usage_items u JOIN cases c ON c.id = u.case_id WHERE c.case_number = ? AND u.item_kind = 'reagent'",
        Long.class, caseNumber);
  }
}
