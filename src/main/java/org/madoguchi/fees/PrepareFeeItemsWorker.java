package org.madoguchi.fees;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code fees.prepare}: the case's recorded use as {@code feeItems}, the fee schedule's input. */
@Component
public class PrepareFeeItemsWorker {

  private final FeeAssessments assessments;

  PrepareFeeItemsWorker(FeeAssessments assessments) {
    this.assessments = assessments;
  }

  @JobWorker(type = "fees.prepare", fetchVariables = "caseId")
  public Map<String, Object> prepare(@Variable long caseId) {
    return Map.of("feeItems", assessments.prepare(caseId).stream().map(FeeItem::toVariables).toList());
  }
}
