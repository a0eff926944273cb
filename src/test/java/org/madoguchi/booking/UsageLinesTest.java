package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.units.Instrument;

class UsageLinesTest {

  private static final Instrument KRIOS =
      new Instrument(1, "structure", "Titan Krios G4 (Osaka)", "cryo-em", "Suita", 50_000, true, true);
  private static final Instrument CONFOCAL =
      new Instrument(7, "imaging", "Zeiss LSM 980", "confocal", "Kyoto", 3_000, false, true);
  private static final BigDecimal FOUR_HOURS = new BigDecimal("4.00");
  private static final OperatorCost OPERATOR = new OperatorCost(6000, new BigDecimal("1.25"));

  @Test
  void operatorAssistedSessionChargesUpkeepOperatorTimeAndEachConsumable() {
    SessionReport report =
        SessionReport.of(
            1L, "structure", 2L, 2.5,
            List.of(
                Map.of("item", "Grids", "kind", "consumable", "quantity", 4, "unitCostYen", 1800),
                Map.of("item", "Detergent", "kind", "reagent", "quantity", 0.5, "unitCostYen", 42000)),
            null, null, null);

    List<UsageLines.Line> lines = UsageLines.of(KRIOS, report, FOUR_HOURS, OPERATOR);

    assertThat(lines).extracting(UsageLines.Line::lineNo).containsExactly(1, 2, 3, 4);
    assertThat(lines).extracting(UsageLines.Line::itemKind)
        .containsExactly("instrument-upkeep", "operator-time", "consumable", "reagent");
    assertThat(lines).extracting(UsageLines.Line::instrumentClass).containsOnly("cryo-em");
    assertThat(lines.get(0).quantity()).isEqualByComparingTo("2.5");
    assertThat(lines.get(0).unitCostYen()).isEqualTo(50_000);
    assertThat(lines.get(0).amountYen()).isEqualTo(125_000);
    assertThat(lines.get(1).unitCostYen()).isEqualTo(6000);
    assertThat(lines.get(1).amountYen()).isEqualTo(15_000);
    assertThat(lines.get(2).amountYen()).isEqualTo(7_200);
    assertThat(lines.get(3).amountYen()).isEqualTo(21_000);
    assertThat(lines.get(0).description()).isEqualTo("Titan Krios G4 (Osaka)");
  }

  @Test
  void selfUseHasNoOperatorTime() {
    SessionReport report = SessionReport.of(1L, "imaging", 2L, 3, null, null, null, null);
    List<UsageLines.Line> lines = UsageLines.of(CONFOCAL, report, FOUR_HOURS, OPERATOR);
    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line.itemKind()).isEqualTo("instrument-upkeep");
      assertThat(line.quantity()).isEqualByComparingTo(new BigDecimal(3));
      assertThat(line.amountYen()).isEqualTo(9_000);
    });
  }

  @Test
  void noHoursMeansOnlyTheConsumables() {
    SessionReport report =
        SessionReport.of(
            1L, "structure", 2L, 0,
            List.of(Map.of("item", "Grids", "kind", "consumable", "quantity", 2, "unitCostYen", 1800)),
            null, null, null);
    assertThat(UsageLines.of(KRIOS, report, FOUR_HOURS, OPERATOR)).extracting(UsageLines.Line::itemKind).containsExactly("consumable");
  }

  @Test
  void operatorHoursPastTheBookedLengthAreOvertimeAtThePremiumRate() {
    SessionReport report = SessionReport.of(1L, "structure", 2L, 5.5, null, null, null, null);

    List<UsageLines.Line> lines = UsageLines.of(KRIOS, report, FOUR_HOURS, OPERATOR);

    assertThat(lines).extracting(UsageLines.Line::itemKind).containsExactly("instrument-upkeep", "operator-time", "operator-overtime");
    assertThat(lines).extracting(UsageLines.Line::lineNo).containsExactly(1, 2, 3);
    assertThat(lines.get(0).quantity()).isEqualByComparingTo("5.5");
    assertThat(lines.get(1).quantity()).isEqualByComparingTo("4");
    assertThat(lines.get(1).unitCostYen()).isEqualTo(6000);
    assertThat(lines.get(2).quantity()).isEqualByComparingTo("1.5");
    assertThat(lines.get(2).unitCostYen()).isEqualTo(7500);
    assertThat(lines.get(2).amountYen()).isEqualTo(11_250);
    assertThat(lines.get(2).description()).isEqualTo("Operator overtime: Titan Krios G4 (Osaka)");
  }

  @Test
  void aSessionWithinItsBookedLengthOrWithoutAnOperatorHasNoOvertime() {
    assertThat(UsageLines.of(KRIOS, SessionReport.of(1L, "structure", 2L, 4, null, null, null, null), FOUR_HOURS, OPERATOR))
        .extracting(UsageLines.Line::itemKind).containsExactly("instrument-upkeep", "operator-time");
    assertThat(UsageLines.of(CONFOCAL, SessionReport.of(1L, "imaging", 2L, 6, null, null, null, null), FOUR_HOURS, OPERATOR))
        .extracting(UsageLines.Line::itemKind).containsExactly("instrument-upkeep");
  }

  @Test
  void thePremiumIsConfigurableRoundsToWholeYenAndIsNeverBelowTheHourlyRate() {
    assertThat(new OperatorCost(6000, new BigDecimal("1.5")).overtimeHourlyYen()).isEqualTo(9000);
    assertThat(new OperatorCost(5555, new BigDecimal("1.25")).overtimeHourlyYen()).isEqualTo(6944); // 6,943.75
    assertThatThrownBy(() -> new OperatorCost(6000, new BigDecimal("0.9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("madoguchi.fees.overtime-premium must be 1 or more");
  }
}
