package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionReportTest {

  @Test
  void readsNumbersOfAnyJsonTypeAndBlankTextsAsNone() {
    SessionReport report =
        SessionReport.of(
            7L, "structure", 11L, 2.5,
            List.of(
                Map.of("item", "Quantifoil R1.2/1.3 grids", "kind", "consumable", "quantity", 10, "unitCostYen", 1800),
                Map.of("item", " Amphipol A8-35 ", "kind", "reagent", "quantity", "0.5", "unitCostYen", 42000.0)),
            "  ",
            List.of(Map.of("title", "Movies", "dataType", "cryo-em-movies", "sizeGb", 3500)),
            null);
    assertThat(report.actualHours()).isEqualByComparingTo("2.5");
    assertThat(report.consumables())
        .containsExactly(
            new SessionReport.Consumable("Quantifoil R1.2/1.3 grids", "consumable", new BigDecimal("10"), 1800),
            new SessionReport.Consumable("Amphipol A8-35", "reagent", new BigDecimal("0.5"), 42000));
    assertThat(report.datasets()).containsExactly(new SessionReport.Dataset("Movies", "cryo-em-movies", new BigDecimal("3500")));
    assertThat(report.elnReference()).isNull();
  }

  @Test
  void missingListsAreEmpty() {
    SessionReport report = SessionReport.of(7L, "imaging", 11L, 1, null, "ELN-1", null, "fine");
    assertThat(report.consumables()).isEmpty();
    assertThat(report.datasets()).isEmpty();
    assertThat(report.elnReference()).isEqualTo("ELN-1");
  }

  @Test
  void zeroHoursAreAllowedButNotNegativeOrMissingOnes() {
    assertThat(SessionReport.of(7L, "imaging", 11L, 0, null, null, null, null).actualHours()).isZero();
    assertThatThrownBy(() -> SessionReport.of(7L, "imaging", 11L, -1, null, null, null, null))
        .hasMessageContaining("actualHours must not be negative");
    assertThatThrownBy(() -> SessionReport.of(7L, "imaging", 11L, null, null, null, null, null))
        .hasMessageContaining("actualHours is required");
    assertThatThrownBy(() -> SessionReport.of(7L, "imaging", 11L, "three", null, null, null, null))
        .hasMessageContaining("actualHours must be a number");
  }

  @Test
  void namesEveryBadConsumableField() {
    assertThatThrownBy(
            () ->
                SessionReport.of(
                    7L, "admet", 11L, 1,
                    List.of(
                        Map.of("item", "", "kind", "snack", "quantity", -1, "unitCostYen", 12.5),
                        Map.of("item", "Tips", "kind", "consumable", "unitCostYen", -1)),
                    null, List.of(Map.of("dataType", "x", "sizeGb", -2)), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("booking 11")
        .hasMessageContaining("consumables[0].item is required")
        .hasMessageContaining("consumables[0].kind must be 'reagent' or 'consumable'")
        .hasMessageContaining("consumables[0].quantity must not be negative")
        .hasMessageContaining("consumables[0].unitCostYen must be whole yen")
        .hasMessageContaining("consumables[1].quantity is required")
        .hasMessageContaining("consumables[1].unitCostYen must not be negative")
        .hasMessageContaining("datasets[0].title is required")
        .hasMessageContaining("datasets[0].sizeGb must not be negative");
  }
}
