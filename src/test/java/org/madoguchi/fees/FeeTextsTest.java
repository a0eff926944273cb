package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Mail texts of a statement in both languages, from the fees bundle. */
class FeeTextsTest {

  private final FeeTexts texts = new FeeTexts(bundle());

  private static ResourceBundleMessageSource bundle() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("i18n/fees");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  private static FeeStatement statement() {
    List<FeeItem> items =
        List.of(
            new FeeItem(1, "academic", "cryo-em", "instrument-upkeep", false, new BigDecimal("7.50"), 33_333, "Krios G4"),
            new FeeItem(2, "academic", "cryo-em", "reagent", false, new BigDecimal("3"), 12_345, null));
    var assessment =
        new FeeCalculator(new BigDecimal("0.10"))
            .assess(items, List.of(new FeeRule(new BigDecimal("0.3"), "upkeep-share"), new FeeRule(BigDecimal.ONE, "reagent-at-cost")));
    FeeStatement statement = new FeeStatement(1);
    statement.assessed(assessment, null, FeeStatementTest.SETTING, Instant.EPOCH);
    return statement;
  }

  @Test
  void amountsAreIntegerYenWithSeparators() {
    var model = texts.statementModel(statement(), "en");

    assertThat(model)
        .containsEntry("subtotalYen", "112,034")
        .containsEntry("taxYen", "11,203")
        .containsEntry("totalYen", "123,237")
        .containsEntry("taxPercent", "10");
  }

  @Test
  void linesReadInEnglish() {
    assertThat(texts.linesSummary(statement(), "en"))
        .isEqualTo(
            "1. Krios G4 (instrument upkeep): 7.5 x 33,333 yen, 30% charged (upkeep-share) = 74,999 yen\n"
                + "2. reagents: 3 x 12,345 yen, 100% charged (reagent-at-cost) = 37,035 yen");
  }

  @Test
  void linesReadInJapanese() {
    assertThat(texts.linesSummary(statement(), "ja"))
        .isEqualTo(
            "1. Krios G4 (装置維持費)：7.5 × 33,333円 × 負担率30%（upkeep-share）＝ 74,999円\n"
                + "2. 試薬：3 × 12,345円 × 負担率100%（reagent-at-cost）＝ 37,035円");
  }
}
