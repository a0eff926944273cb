package org.madoguchi.admin.feepreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.madoguchi.admin.FeeSchedulePreview;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.fees.FeePricing;
import org.madoguchi.fees.FeePricing.ClosedCaseItems;
import org.madoguchi.fees.FeePricing.PricedCase;
import org.madoguchi.fees.FeePricing.PricedLine;
import org.springframework.stereotype.Service;

/**
 * Evaluates both fee tables with the engine's own DMN engine (the one that runs the business rule task
 * {@code ApplyFeeSchedule}), item by item as the process does, and prices the outcome with the fees
 * module's pricing, so the preview shows what {@code fees.assess} would write. The upload is expected
 * to have passed the {@link org.madoguchi.admin.ModelValidator} first, as the console does.
 */
@Service
class DmnFeeSchedulePreview implements FeeSchedulePreview {

  static final String DECISION_ID = "fee-schedule";

  /** A preview reads each case's usage: a bound keeps one request from reading the whole archive. */
  static final int MAX_CASES = 200;

  private final DecisionEngine decisions = DecisionEngineFactory.createDecisionEngine();
  private final ObjectMapper json = new ObjectMapper();
  private final FeePricing pricing;

  DmnFeeSchedulePreview(FeePricing pricing) {
    this.pricing = pricing;
  }

  @Override
  public FeePreview preview(ModelFile changedSchedule, ModelFile deployedSchedule, int lastClosedCases) {
    if (lastClosedCases < 1 || lastClosedCases > MAX_CASES) {
      throw new IllegalArgumentException("lastClosedCases must be between 1 and " + MAX_CASES + ", got " + lastClosedCases);
    }
    ParsedDecisionRequirementsGraph newTable = parse(changedSchedule);
    ParsedDecisionRequirementsGraph oldTable = parse(deployedSchedule);
    List<CasePreview> cases = new ArrayList<>();
    for (ClosedCaseItems closed : pricing.lastClosedCases(lastClosedCases)) {
      PricedCase before = price(closed, oldTable, deployedSchedule.name());
      PricedCase after = price(closed, newTable, changedSchedule.name());
      cases.add(new CasePreview(closed.caseNumber(), before.totalYen(), after.totalYen(), changes(closed, before, after)));
    }
    return new FeePreview(List.copyOf(cases));
  }

  private static List<LineChange> changes(ClosedCaseItems closed, PricedCase before, PricedCase after) {
    List<LineChange> changes = new ArrayList<>();
    for (int i = 0; i < closed.feeItems().size(); i++) {
      PricedLine old = before.lines().get(i);
      PricedLine now = after.lines().get(i);
      if (!Objects.equals(old.ruleName(), now.ruleName()) || old.amountYen() != now.amountYen()) {
        changes.add(new LineChange(old.usage(), old.ruleName(), now.ruleName(), old.amountYen(), now.amountYen()));
      }
    }
    return List.copyOf(changes);
  }

  private PricedCase price(ClosedCaseItems closed, ParsedDecisionRequirementsGraph table, String file) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> item : closed.feeItems()) {
      rules.add(decide(table, item, closed.caseNumber(), file));
    }
    try {
      return pricing.price(closed.feeItems(), rules);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " cannot price case " + closed.caseNumber() + ": " + e.getMessage(), e);
    }
  }

  /** The rule for one fee item, or null when no rule matched (pricing then names the item). */
  private Map<String, Object> decide(
      ParsedDecisionRequirementsGraph table, Map<String, Object> feeItem, String caseNumber, String file) {
    DecisionEvaluationResult result = decisions.evaluateDecisionById(table, DECISION_ID, () -> Map.of("feeItem", feeItem));
    if (result.isFailure()) {
      throw new IllegalArgumentException(
          file + " fails on case " + caseNumber + ", usage #" + feeItem.get("usageItemId") + ": " + result.getFailureMessage());
    }
    String output = MsgPackConverter.convertToJson(result.getOutput());
    try {
      return json.readValue(output, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + " gives " + output + " for usage #" + feeItem.get("usageItemId") + ", not {chargeRate, ruleName}", e);
    }
  }

  private ParsedDecisionRequirementsGraph parse(ModelFile file) {
    ParsedDecisionRequirementsGraph graph = decisions.parse(new ByteArrayInputStream(file.content()));
    if (!graph.isValid()) {
      throw new IllegalArgumentException(file.name() + " is not a valid DMN table: " + graph.getFailureMessage());
    }
    if (graph.getDecisions().stream().noneMatch(d -> DECISION_ID.equals(d.getId()))) {
      throw new IllegalArgumentException(file.name() + " has no decision " + DECISION_ID);
    }
    return graph;
  }
}
