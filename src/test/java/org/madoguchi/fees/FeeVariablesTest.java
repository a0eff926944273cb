package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.booking.UsageItem;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;

/** Fee items and rules as the engine sees them: built from usage, handed out and read back. */
class FeeVariablesTest {

  private static CaseSummary supportCase(String category, boolean fastTrack) {
    return new CaseSummary(
        7L, "BINDS-2026-00007", 3L, "title", "name", "affiliation", "a@b.example", "ja", category, "open", fastTrack,
        CaseStatus.FEE_ASSESSMENT);
  }

  @Test
  void feeItemsCombineTheCaseWithEachUsageItemInOrder() {
    List<FeeItem> items =
        FeeItem.of(
            supportCase("public", true),
            List.of(
                new UsageItem(11, "structure", "cryo-em", "instrument-upkeep", "Krios G4", new BigDecimal("7.50"), 40_000, LocalDate.of(2027, 3, 31)),
                new UsageItem(12, "structure", "cryo-em", "reagent", "Grids", new BigDecimal("3"), 2_000, LocalDate.of(2027, 4, 1))));

    assertThat(items).extracting(FeeItem::usageItemId).containsExactly(11L, 12L);
    assertThat(items).allSatisfy(i -> {
      assertThat(i.applicantCategory()).isEqualTo("public");
      assertThat(i.fastTrack()).isTrue();
    });
    assertThat(items.get(0).toVariables())
        .containsEntry("usageItemId", 11L)
        .containsEntry("applicantCategory", "public")
        .containsEntry("instrumentClass", "cryo-em")
        .containsEntry("itemKind", "instrument-upkeep")
        .containsEntry("fastTrack", true)
        .containsEntry("quantity", 7.5d)
        .containsEntry("unitCostYen", 40_000L)
        .containsEntry("description", "Krios G4")
        .containsEntry("usedOn", "2027-03-31");
    assertThat(items.get(1).toVariables()).containsEntry("quantity", 3L).containsEntry("usedOn", "2027-04-01");
  }

  @Test
  void feeItemsReadBackFromEngineNumbers() {
    Map<String, Object> fromEngine = new HashMap<>();
    fromEngine.put("usageItemId", 11); // Integer
    fromEngine.put("applicantCategory", "industry");
    fromEngine.put("instrumentClass", "nmr");
    fromEngine.put("itemKind", "reagent");
    fromEngine.put("fastTrack", false);
    fromEngine.put("quantity", 2.5d);
    fromEngine.put("unitCostYen", 1200);
    fromEngine.put("description", "D2O");
    fromEngine.put("usedOn", "2027-04-01");

    FeeItem item = FeeItem.fromVariables(0, fromEngine);

    assertThat(item).isEqualTo(new FeeItem(11, "industry", "nmr", "reagent", false, new BigDecimal("2.5"), 1200, "D2O", false, LocalDate.of(2027, 4, 1)));
  }

  @Test
  void aUsageDateThatIsNoDateIsRejectedNamingTheField() {
    Map<String, Object> item = new HashMap<>(Map.of("usageItemId", 1, "itemKind", "reagent", "quantity", 1, "unitCostYen", 5, "usedOn", "31.03.2027"));
    assertThatThrownBy(() -> FeeItem.fromVariables(4, item))
        .isInstanceOf(FeeInputException.class)
        .hasMessageContaining("feeItems[4].usedOn must be a date");
  }

  @Test
  void aFeeItemWithoutQuantityOrKindIsRejectedNamingTheField() {
    Map<String, Object> noQuantity = new HashMap<>(Map.of("usageItemId", 1, "itemKind", "reagent", "unitCostYen", 5));
    assertThatThrownBy(() -> FeeItem.fromVariables(2, noQuantity))
        .isInstanceOf(FeeInputException.class)
        .hasMessageContaining("feeItems[2].quantity");
    Map<String, Object> noKind = new HashMap<>(Map.of("usageItemId", 1, "quantity", 1, "unitCostYen", 5));
    assertThatThrownBy(() -> FeeItem.fromVariables(0, noKind)).hasMessageContaining("feeItems[0].itemKind");
  }

  @Test
  void feeRulesReadRatesExactly() {
    assertThat(FeeRule.fromVariables(0, Map.of("chargeRate", 0.3d, "ruleName", "share")).chargeRate()).isEqualByComparingTo("0.3");
    assertThat(FeeRule.fromVariables(0, Map.of("chargeRate", 1, "ruleName", "full")).chargeRate()).isEqualByComparingTo("1");
    assertThat(FeeRule.fromVariables(0, Map.of("chargeRate", 0, "ruleName", "free")).chargeRate()).isEqualByComparingTo("0");
  }

  @Test
  void anUnmatchedRuleOrAMissingRateIsRejectedNamingThePosition() {
    List<Map<String, Object>> rules = new ArrayList<>();
    rules.add(Map.of("chargeRate", 1, "ruleName", "full"));
    rules.add(null); // FIRST hit policy, no rule matched
    assertThatThrownBy(() -> AssessFeesWorker.read(rules, FeeRule::fromVariables))
        .isInstanceOf(FeeInputException.class)
        .hasMessageContaining("feeRules[1]");
    assertThatThrownBy(() -> FeeRule.fromVariables(3, Map.of("ruleName", "x")))
        .hasMessageContaining("feeRules[3].chargeRate");
    assertThatThrownBy(() -> FeeRule.fromVariables(3, Map.of("chargeRate", "lots", "ruleName", "x")))
        .hasMessageContaining("feeRules[3].chargeRate");
  }
}
