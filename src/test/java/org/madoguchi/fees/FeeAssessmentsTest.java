package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.booking.UsageItem;
import org.madoguchi.booking.UsageLedger;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.springframework.beans.factory.ObjectProvider;

/** The fees service around the calculator, with a fake usage ledger and a mocked case file. */
class FeeAssessmentsTest {

  /** Booking's ledger as fee assessment sees it: fixed items per case. */
  private static final class FakeUsageLedger implements UsageLedger {
    private final Map<Long, List<UsageItem>> items;

    FakeUsageLedger(Map<Long, List<UsageItem>> items) {
      this.items = items;
    }

    @Override
    public List<UsageItem> itemsForCase(long caseId) {
      return items.getOrDefault(caseId, List.of());
    }

    @Override
    public boolean anyUsageRecorded(long caseId) {
      return !itemsForCase(caseId).isEmpty();
    }
  }

  private static final LocalDate USED_ON = LocalDate.of(2027, 4, 1);

  private final CaseFile caseFile = mock(CaseFile.class);
  private final FeeStatementRepository statements = mock(FeeStatementRepository.class);
  private final FakeUsageLedger ledger =
      new FakeUsageLedger(
          Map.of(
              42L,
              List.of(
                  new UsageItem(5, "structure", "xray", "instrument-upkeep", "Beamline BL-1", new BigDecimal("12"), 25_000, USED_ON),
                  new UsageItem(6, "structure", "xray", "consumable", "Crystallisation plates", new BigDecimal("4"), 3_000, USED_ON))));
  private final FeeAssessments assessments =
      new FeeAssessments(
          caseFile, ledger, statements, new FeesProperties(new BigDecimal("0.10"), new BigDecimal("0.08"), java.math.RoundingMode.FLOOR),
          noFeeScheduleVersions(),
          new org.madoguchi.common.web.PageLinks(new org.madoguchi.MadoguchiProperties(
              "BINDS", ZoneOffset.UTC, "desk@example.org", "desk@example.org", "https://madoguchi.example.org", null, null, null, null)),
          Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void prepareMovesTheCaseToFeeAssessmentAndCombinesItWithItsUsageInLedgerOrder() {
    when(caseFile.get(42L))
        .thenReturn(
            new CaseSummary(42L, "BINDS-2026-00042", 1L, "t", "n", "a", "e@x.example", "ja", "public", "open", true, CaseStatus.FEE_ASSESSMENT));

    List<FeeItem> items = assessments.prepare(42L);

    verify(caseFile).transition(42L, CaseStatus.FEE_ASSESSMENT, new CaseEvent.FeeAssessmentStarted(), Actor.system());
    assertThat(items)
        .containsExactly(
            new FeeItem(5, "public", "xray", "instrument-upkeep", true, new BigDecimal("12"), 25_000, "Beamline BL-1", false, USED_ON),
            new FeeItem(6, "public", "xray", "consumable", true, new BigDecimal("4"), 3_000, "Crystallisation plates", false, USED_ON));
  }

  @Test
  void aCaseWithoutUsageHasNoFeeItems() {
    when(caseFile.get(7L))
        .thenReturn(new CaseSummary(7L, "BINDS-2026-00007", 1L, "t", "n", "a", "e@x.example", "en", "academic", "open", false, CaseStatus.FEE_ASSESSMENT));

    assertThat(assessments.prepare(7L)).isEmpty();
  }

  @Test
  void badItemsOrRulesFailBeforeTheCaseFileOrTheStatementIsTouched() {
    FeeItem item = new FeeItem(5, "industry", "xray", "reagent", false, BigDecimal.ONE, 100, "r");

    assertThatThrownBy(() -> assessments.assess(42L, List.of(item), List.of()))
        .isInstanceOf(FeeInputException.class);
    assertThatThrownBy(() -> assessments.assess(42L, List.of(item), List.of(new FeeRule(new BigDecimal("2"), "x"))))
        .isInstanceOf(FeeInputException.class);

    verifyNoInteractions(caseFile, statements);
  }

  @SuppressWarnings("unchecked")
  private static ObjectProvider<FeeScheduleVersions> noFeeScheduleVersions() {
    return mock(ObjectProvider.class);
  }
}
