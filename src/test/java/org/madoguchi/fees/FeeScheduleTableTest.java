package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeded fee table (bpmn/fee-schedule.dmn) evaluated by the engine's own DMN engine, with fee items as
 * {@code fees.prepare} hands them over: rates by usage date, and operator overtime per applicant category.
 */
class FeeScheduleTableTest {

  private static final DecisionEngine ENGINE = DecisionEngineFactory.createDecisionEngine();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ParsedDecisionRequirementsGraph table;

  @BeforeAll
  static void parse() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("bpmn/fee-schedule.dmn"))) {
      table = ENGINE.parse(in);
    }
    assertThat(table.isValid()).as(table.getFailureMessage()).isTrue();
  }

  @Test
  void aRateChangeAppliesToUsageFromItsEffectiveDateOnly() {
    assertThat(decide(item("academic", "cryo-em", "instrument-upkeep", LocalDate.of(2027, 3, 31))))
        .isEqualTo(rule("0.3", "Share of large-instrument upkeep"));
    assertThat(decide(item("academic", "cryo-em", "instrument-upkeep", LocalDate.of(2027, 4, 1))))
        .isEqualTo(rule("0.4", "Share of large-instrument upkeep (40% from 2027-04-01)"));
    assertThat(decide(item("public", "nmr", "instrument-upkeep", LocalDate.of(2028, 1, 10))))
        .isEqualTo(rule("0.4", "Share of large-instrument upkeep (40% from 2027-04-01)"));
    // Other rows are unchanged across the date.
    for (LocalDate day : new LocalDate[] {LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 1)}) {
      assertThat(decide(item("industry", "cryo-em", "instrument-upkeep", day))).isEqualTo(rule("1", "Industry: full cost"));
      assertThat(decide(item("academic", "cryo-em", "reagent", day))).isEqualTo(rule("1", "Reagents at cost"));
    }
  }

  @Test
  void usageBeforeTheTablesFirstDayMatchesNoRule() {
    assertThat(decide(item("industry", "cryo-em", "instrument-upkeep", LocalDate.of(2026, 3, 31)))).isNull();
  }

  @Test
  void operatorOvertimeIsCoveredForAcademiaAndChargedInFullToIndustry() {
    LocalDate day = LocalDate.of(2026, 12, 14);
    assertThat(decide(item("academic", "cryo-em", "operator-overtime", day)))
        .isEqualTo(rule("0", "Operator overtime covered like operator time"));
    assertThat(decide(item("public", "confocal", "operator-overtime", day)))
        .isEqualTo(rule("0", "Operator overtime covered like operator time"));
    assertThat(decide(item("academic", "cryo-em", "operator-time", day))).isEqualTo(rule("0", "Academic support free of charge"));
    assertThat(decide(item("industry", "cryo-em", "operator-overtime", day))).isEqualTo(rule("1", "Operator overtime: full cost"));
  }

  private static Map<String, Object> item(String category, String instrumentClass, String kind, LocalDate usedOn) {
    return new FeeItem(1, category, instrumentClass, kind, false, BigDecimal.ONE, 6000, "item", false, usedOn).toVariables();
  }

  private static FeeRule rule(String rate, String name) {
    return new FeeRule(new BigDecimal(rate), name);
  }

  /** The rule the table gives the item, read as {@code fees.assess} reads it; null when none matched. */
  @SuppressWarnings("unchecked")
  private static FeeRule decide(Map<String, Object> feeItem) {
    DecisionEvaluationResult result = ENGINE.evaluateDecisionById(table, "fee-schedule", () -> Map.of("feeItem", feeItem));
    assertThat(result.isFailure()).as(result.getFailureMessage()).isFalse();
    try {
      Map<String, Object> output = JSON.readValue(MsgPackConverter.convertToJson(result.getOutput()), Map.class);
      return output == null ? null : FeeRule.fromVariables(0, output);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
