package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement's lifecycle, and what a repeated step does to it (nothing). */
class FeeStatementTest {

  static final FeesProperties SETTING =
      new FeesProperties(new BigDecimal("0.10"), new BigDecimal("0.08"), java.math.RoundingMode.FLOOR);
  private static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
  private static final String FEE_TABLE = "fee-schedule v3 (2026-12)";
  private final FeeCalculator calculator = new FeeCalculator(new BigDecimal("0.10"));

  private FeeCalculator.Assessment assessment(long... unitCosts) {
    List<FeeItem> items =
        java.util.Arrays.stream(unitCosts)
            .mapToObj(cost -> new FeeItem(cost, "industry", "nmr", "reagent", false, BigDecimal.ONE, cost, "r"))
            .toList();
    return calculator.assess(items, items.stream().map(i -> new FeeRule(BigDecimal.ONE, "full")).toList());
  }

  @Test
  void reassessingReplacesTheLinesAndTotals() {
    FeeStatement statement = new FeeStatement(1);
    statement.assessed(assessment(1_000, 2_000), FEE_TABLE, FeeStatementTest.SETTING, NOW);
    statement.assessed(assessment(500), FEE_TABLE, FeeStatementTest.SETTING, NOW);

    assertThat(statement.lines()).hasSize(1);
    assertThat(statement.currentVersionRecord().feeSchedule()).isEqualTo(FEE_TABLE);
    assertThat(statement.subtotalYen()).isEqualTo(500);
    assertThat(statement.taxYen()).isEqualTo(50);
    assertThat(statement.totalYen()).isEqualTo(550);
    assertThat(statement.status()).isEqualTo(StatementStatus.DRAFT);
  }

  @Test
  void aRetriedSendJobDoesNotIssueTwiceButASendAfterADisputeDoes() {
    FeeStatement statement = new FeeStatement(1);
    statement.assessed(assessment(1_000), FEE_TABLE, FeeStatementTest.SETTING, NOW);

    assertThat(statement.issue(100L, "checked", NOW)).isTrue();
    assertThat(statement.issue(100L, "checked", NOW)).isFalse();
    assertThat(statement.issueCount()).isEqualTo(1);

    assertThat(statement.respond(false, "too expensive for us", NOW)).isEqualTo(1);
    assertThat(statement.status()).isEqualTo(StatementStatus.DISPUTED);
    assertThat(statement.disputeReason()).isEqualTo("too expensive for us");

    assertThat(statement.issue(101L, "explained the upkeep share", NOW)).isTrue();
    assertThat(statement.issueCount()).isEqualTo(2);
    assertThat(statement.financeNote()).isEqualTo("explained the upkeep share");
    assertThat(statement.respond(true, null, NOW)).isEqualTo(2);
    assertThat(statement.status()).isEqualTo(StatementStatus.ACCEPTED);
    assertThat(statement.disputeReason()).isNull();
    // the first send job, delivered once more after the acceptance, changes nothing
    assertThat(statement.issue(100L, "checked", NOW)).isFalse();
    assertThat(statement.status()).isEqualTo(StatementStatus.ACCEPTED);
  }

  @Test
  void onlyAnIssuedStatementCanBeAnswered() {
    FeeStatement statement = new FeeStatement(1);
    statement.assessed(assessment(1_000), FEE_TABLE, FeeStatementTest.SETTING, NOW);
    assertThatThrownBy(() -> statement.respond(true, null, NOW)).isInstanceOf(IllegalStateException.class);

    statement.issue(1L, null, NOW);
    statement.respond(true, null, NOW);
    assertThatThrownBy(() -> statement.respond(true, null, NOW)).isInstanceOf(IllegalStateException.class);
    assertThat(statement.responseCount()).isEqualTo(1);
  }

  @Test
  void anAcceptedStatementCannotBeReassessed() {
    FeeStatement statement = new FeeStatement(1);
    statement.assessed(assessment(1_000), FEE_TABLE, FeeStatementTest.SETTING, NOW);
    statement.issue(1L, null, NOW);
    statement.respond(true, null, NOW);

    assertThatThrownBy(() -> statement.assessed(assessment(5), FEE_TABLE, FeeStatementTest.SETTING, NOW)).isInstanceOf(IllegalStateException.class);
    assertThat(statement.totalYen()).isEqualTo(1_100);
  }

  @Test
  void noChargeOnlyForAZeroTotalAndOnce() {
    FeeStatement free = new FeeStatement(1);
    free.assessed(assessment(), FEE_TABLE, FeeStatementTest.SETTING, NOW);
    assertThat(free.markNoCharge()).isTrue();
    assertThat(free.markNoCharge()).isFalse();
    assertThat(free.status()).isEqualTo(StatementStatus.NO_CHARGE);
    assertThatThrownBy(() -> free.issue(1L, null, NOW)).isInstanceOf(IllegalStateException.class);

    FeeStatement charged = new FeeStatement(2);
    charged.assessed(assessment(1_000), FEE_TABLE, FeeStatementTest.SETTING, NOW);
    assertThatThrownBy(charged::markNoCharge).isInstanceOf(IllegalStateException.class);
  }
}
