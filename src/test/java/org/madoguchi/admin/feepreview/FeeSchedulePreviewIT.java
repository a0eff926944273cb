package org.madoguchi.admin.feepreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    long instrument = fixtures.cryoEmInstrument();
    long academic = fixtures.file(email, "CLOSED", "academic", "open");
    long industry = fixtures.file(email, "CLOSED", "industry", "open");
    for (long caseId : new long[] {academic, industry}) {
      long record = fixtures.usageRecord(caseId, instrument);
      fixtures.usageItem(record, 1, "instrument-upkeep", "Krios G4", "2.5", 41_000);
      fixtures.usageItem(record, 2, "reagent", "Detergent LMNG", "2", 9_999);
      fixtures.usageItem(record, 3, "consumable", "Quantifoil grids", "3", 1_234);
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

  private long reagentId(String caseNumber) {
    return jdbc.queryForObject(
        "SELECT u.id FROM usage_items u JOIN cases c ON c.id = u.case_id WHERE c.case_number = ? AND u.item_kind = 'reagent'",
        Long.class, caseNumber);
  }
}
