package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Pricing with the rates the fee schedule gives (the rules below mirror the DMN {@code fee-schedule}):
 * academic/public support free except reagents at cost and a 30% share of large-instrument upkeep,
 * that share waived for fast-track, industry at full cost; lines and tax truncated to the yen.
 */
class FeeCalculatorTest {

  private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");
  private final FeeCalculator calculator = new FeeCalculator(TEN_PERCENT);

  private static long nextId = 1;

  private static FeeItem item(String category, String instrumentClass, String kind, boolean fastTrack, String quantity, long unitCost) {
    return new FeeItem(nextId++, category, instrumentClass, kind, fastTrack, new BigDecimal(quantity), unitCost, kind + " on " + instrumentClass);
  }

  private static FeeRule rule(String rate, String name) {
    return new FeeRule(new BigDecimal(rate), name);
  }

  @Nested
  class AcademicAndPublic {

    @Test
    void operatorTimeAndConsumablesAreFree() {
      var assessment =
          calculator.assess(
              List.of(
                  item("academic", "cryo-em", "operator-time", false, "8", 20_000),
                  item("public", "imaging", "consumable", false, "12", 1_500)),
              List.of(rule("0", "academic-free"), rule("0", "academic-free")));

      assertThat(assessment.lines()).extracting(FeeCalculator.Line::amountYen).containsExactly(0L, 0L);
      assertThat(assessment.subtotalYen()).isZero();
      assertThat(assessment.taxYen()).isZero();
      assertThat(assessment.totalYen()).isZero();
      assertThat(assessment.isFree()).isTrue();
    }

    @Test
    void reagentsAreChargedAtCost() {
      var assessment =
          calculator.assess(
              List.of(item("academic", "nmr", "reagent", false, "3", 12_345)), List.of(rule("1", "reagent-at-cost")));

      assertThat(assessment.lines().get(0).amountYen()).isEqualTo(37_035);
      assertThat(assessment.subtotalYen()).isEqualTo(37_035);
      assertThat(assessment.taxYen()).isEqualTo(3_703); // 3,703.5 truncated
      assertThat(assessment.totalYen()).isEqualTo(40_738);
      assertThat(assessment.isFree()).isFalse();
    }

    @Test
    void largeInstrumentUpkeepIsSharedAtThirtyPercent() {
      var assessment =
          calculator.assess(
              List.of(item("academic", "cryo-em", "instrument-upkeep", false, "7.5", 33_333)),
              List.of(rule("0.3", "large-instrument-upkeep-share")));

      // 7.5 h x 33,333 yen = 249,997.5 yen; 30% = 74,999.25 -> 74,999
      assertThat(assessment.lines().get(0).amountYen()).isEqualTo(74_999);
      assertThat(assessment.taxYen()).isEqualTo(7_499); // 7,499.9 truncated
      assertThat(assessment.totalYen()).isEqualTo(82_498);
    }

    @Test
    void fastTrackWaivesTheUpkeepShareButNotReagents() {
      var assessment =
          calculator.assess(
              List.of(
                  item("academic", "xray", "instrument-upkeep", true, "10", 50_000),
                  item("academic", "xray", "reagent", true, "2", 8_000)),
              List.of(rule("0", "fast-track-waiver"), rule("1", "reagent-at-cost")));

      assertThat(assessment.lines()).extracting(FeeCalculator.Line::amountYen).containsExactly(0L, 16_000L);
      assertThat(assessment.lines()).extracting(l -> l.rule().ruleName()).containsExactly("fast-track-waiver", "reagent-at-cost");
      assertThat(assessment.subtotalYen()).isEqualTo(16_000);
      assertThat(assessment.taxYen()).isEqualTo(1_600);
      assertThat(assessment.totalYen()).isEqualTo(17_600);
    }
  }

  @Test
  void industryPaysFullCostOnEveryLine() {
    var assessment =
        calculator.assess(
            List.of(
                item("industry", "cryo-em", "instrument-upkeep", false, "2.5", 41_000),
                item("industry", "cryo-em", "reagent", false, "2", 9_999),
                item("industry", "cryo-em", "consumable", false, "3", 333),
                item("industry", "cryo-em", "operator-time", false, "2.5", 8_000)),
            List.of(rule("1", "industry-full-cost"), rule("1", "industry-full-cost"), rule("1", "industry-full-cost"), rule("1", "industry-full-cost")));

    assertThat(assessment.lines()).extracting(FeeCalculator.Line::amountYen).containsExactly(102_500L, 19_998L, 999L, 20_000L);
    assertThat(assessment.lines()).extracting(FeeCalculator.Line::lineNo).containsExactly(1, 2, 3, 4);
    assertThat(assessment.subtotalYen()).isEqualTo(143_497);
    assertThat(assessment.taxYen()).isEqualTo(14_349); // 14,349.7 truncated
    assertThat(assessment.totalYen()).isEqualTo(157_846);
  }

  @Nested
  class Rounding {

    @Test
    void eachLineIsTruncatedOnItsOwnBeforeSumming() {
      // 1 x 5 yen x 30% = 1.5 yen per line -> 1 yen each; summing first would give 3.
      var assessment =
          calculator.assess(
              List.of(item("academic", "nmr", "instrument-upkeep", false, "1", 5), item("academic", "nmr", "instrument-upkeep", false, "1", 5)),
              List.of(rule("0.3", "share"), rule("0.3", "share")));

      assertThat(assessment.subtotalYen()).isEqualTo(2);
    }

    @Test
    void taxIsComputedOnceOnTheSubtotalAndTruncated() {
      // Per line the tax would be 99 + 99 = 198; on the subtotal of 1,998 it is 199.8 -> 199.
      var assessment =
          calculator.assess(
              List.of(item("industry", "nmr", "reagent", false, "1", 999), item("industry", "nmr", "reagent", false, "1", 999)),
              List.of(rule("1", "full"), rule("1", "full")));

      assertThat(assessment.subtotalYen()).isEqualTo(1_998);
      assertThat(assessment.taxYen()).isEqualTo(199);
      assertThat(assessment.totalYen()).isEqualTo(2_197);
    }

    @Test
    void taxIsNeverRoundedUp() {
      var assessment =
          calculator.assess(List.of(item("industry", "nmr", "reagent", false, "1", 9)), List.of(rule("1", "full")));

      assertThat(assessment.taxYen()).isZero(); // 0.9 yen
      assertThat(assessment.totalYen()).isEqualTo(9);
    }

    @Test
    void theTaxRateIsConfigurable() {
      var assessment =
          new FeeCalculator(new BigDecimal("0.08"))
              .assess(List.of(item("industry", "nmr", "reagent", false, "1", 1_999)), List.of(rule("1", "full")));

      assertThat(assessment.taxRate()).isEqualByComparingTo("0.08");
      assertThat(assessment.taxYen()).isEqualTo(159); // 159.92
      assertThat(assessment.totalYen()).isEqualTo(2_158);
    }

    @Test
    void fractionalQuantitiesAndRatesAreExact() {
      // A rate that came through the engine as a double (0.3) is still exactly 30%.
      FeeRule fromEngine = FeeRule.fromVariables(0, java.util.Map.of("chargeRate", 0.3d, "ruleName", "share"));
      var assessment =
          calculator.assess(List.of(item("academic", "cryo-em", "instrument-upkeep", false, "0.1", 10)), List.of(fromEngine));

      assertThat(assessment.lines().get(0).amountYen()).isZero(); // 0.3 yen
      assertThat(calculator.assess(List.of(item("academic", "cryo-em", "instrument-upkeep", false, "10", 10)), List.of(fromEngine)).subtotalYen())
          .isEqualTo(30);
    }
  }

  @Test
  void noUsageAtAllIsAZeroTotal() {
    var assessment = calculator.assess(List.of(), List.of());

    assertThat(assessment.lines()).isEmpty();
    assertThat(assessment.totalYen()).isZero();
    assertThat(assessment.isFree()).isTrue();
  }

  @Nested
  class BadInput {

    @Test
    void listsOfDifferentSizesAreRejectedNamingBothSizes() {
      assertThatThrownBy(
              () ->
                  calculator.assess(
                      List.of(item("industry", "nmr", "reagent", false, "1", 100), item("industry", "nmr", "reagent", false, "1", 100)),
                      List.of(rule("1", "full"))))
          .isInstanceOf(FeeInputException.class)
          .hasMessageContaining("feeItems has 2 entries")
          .hasMessageContaining("feeRules has 1");
    }

    @Test
    void aMissingRuleIsRejectedNamingItsPosition() {
      List<FeeRule> rules = new java.util.ArrayList<>();
      rules.add(null);
      assertThatThrownBy(() -> calculator.assess(List.of(item("industry", "nmr", "reagent", false, "1", 100)), rules))
          .isInstanceOf(FeeInputException.class)
          .hasMessageContaining("feeRules[0]");
    }

    @Test
    void ratesOutsideZeroToOneAreRejected() {
      FeeItem item = item("industry", "nmr", "reagent", false, "1", 100);
      assertThatThrownBy(() -> calculator.assess(List.of(item), List.of(rule("1.5", "too-much"))))
          .isInstanceOf(FeeInputException.class)
          .hasMessageContaining("chargeRate");
      assertThatThrownBy(() -> calculator.assess(List.of(item), List.of(rule("-0.1", "negative"))))
          .isInstanceOf(FeeInputException.class)
          .hasMessageContaining("chargeRate");
    }

    @Test
    void negativeQuantitiesCostsAndBlankRuleNamesAreRejected() {
      assertThatThrownBy(() -> calculator.assess(List.of(item("industry", "nmr", "reagent", false, "-1", 100)), List.of(rule("1", "full"))))
          .hasMessageContaining("quantity");
      assertThatThrownBy(() -> calculator.assess(List.of(item("industry", "nmr", "reagent", false, "1", -100)), List.of(rule("1", "full"))))
          .hasMessageContaining("unitCostYen");
      assertThatThrownBy(() -> calculator.assess(List.of(item("industry", "nmr", "reagent", false, "1", 100)), List.of(rule("1", " "))))
          .hasMessageContaining("ruleName");
    }

    @Test
    void missingListsAreRejected() {
      assertThatThrownBy(() -> calculator.assess(null, List.of())).isInstanceOf(FeeInputException.class).hasMessageContaining("feeItems");
      assertThatThrownBy(() -> calculator.assess(List.of(), null)).isInstanceOf(FeeInputException.class).hasMessageContaining("feeRules");
    }

    @Test
    void aTaxRateOutsideZeroToOneIsRejected() {
      assertThatThrownBy(() -> new FeeCalculator(new BigDecimal("10"))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new FeeCalculator(null)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
