package org.madoguchi.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AssignmentDecisionTest {

  @Test
  void anAcceptanceNeedsALeadOperatorAndAPositiveEstimate() {
    assertThatThrownBy(() -> AssignmentDecision.of(1, "structure", 9, "accept", " ", BigDecimal.ZERO, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unit structure on case 1")
        .hasMessageContaining("leadOperator is required")
        .hasMessageContaining("estimatedHours must be greater than 0");
    assertThatThrownBy(() -> AssignmentDecision.of(1, "structure", 9, "accept", "Sato", null, null, null, null))
        .hasMessageContaining("estimatedHours must be greater than 0");
  }

  @Test
  void theDecisionMustBeAcceptOrReturn() {
    assertThatThrownBy(() -> AssignmentDecision.of(1, "structure", 9, "maybe", null, null, null, null, null))
        .hasMessageContaining("unitDecision must be 'accept' or 'return'");
    assertThatThrownBy(() -> AssignmentDecision.of(1, "structure", 9, null, null, null, null, null, null))
        .hasMessageContaining("unitDecision");
  }

  @Test
  void anAcceptanceKeepsItsPlanAndDropsAReturnReason() {
    AssignmentDecision d =
        AssignmentDecision.of(1, "structure", 9, "accept", " Sato Hanako ", new BigDecimal("12.5"), "cryo-em", "2026-04-01", "n/a");
    assertThat(d.leadOperator()).isEqualTo("Sato Hanako");
    assertThat(d.estimatedHours()).isEqualByComparingTo("12.5");
    assertThat(d.instrumentClass()).isEqualTo("cryo-em");
    assertThat(d.preferredStart()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(d.returnReason()).isNull();
  }

  @Test
  void aBadPreferredStartIsNamed() {
    assertThatThrownBy(() -> AssignmentDecision.of(1, "structure", 9, "accept", "Sato", BigDecimal.ONE, null, "April", null))
        .hasMessageContaining("preferredStart must be a date");
  }

  @Test
  void aReturnKeepsOnlyItsReason() {
    AssignmentDecision d =
        AssignmentDecision.of(1, "omics", 9, "return", "Sato", new BigDecimal("3"), "mass-spec", "2026-04-01", " Needs a cryo-EM unit first ");
    assertThat(d.decision()).isEqualTo("return");
    assertThat(d.returnReason()).isEqualTo("Needs a cryo-EM unit first");
    assertThat(d.leadOperator()).isNull();
    assertThat(d.estimatedHours()).isNull();
    assertThat(d.preferredStart()).isNull();
  }
}
