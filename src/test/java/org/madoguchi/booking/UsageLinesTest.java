package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void operatorAssistedSessionChargesUpkeepOperatorTimeAndEachConsumable() {
    SessionReport report =
        SessionReport.of(
            1L, "structure", 2L, 2.5,
            List.of(
                Map.of("item", "Grids", "kind", "consumable", "quantity", 4, "unitCostYen", 1800),
                Map.of("item", "Detergent", "kind", "reagent", "quantity", 0.5, "unitCostYen", 42000)),
            null, null, null);

    List<UsageLines.Line> lines = UsageLines.of(KRIOS, report, 6000);

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
    List<UsageLines.Line> lines = UsageLines.of(CONFOCAL, report, 6000);
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
    assertThat(UsageLines.of(KRIOS, report, 6000)).extracting(UsageLines.Line::itemKind).containsExactly("consumable");
  }
}
