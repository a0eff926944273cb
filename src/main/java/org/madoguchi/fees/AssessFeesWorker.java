package org.madoguchi.fees;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/** {@code fees.assess}: prices {@code feeItems} with the schedule's {@code feeRules} into the case's statement. */
@Component
public class AssessFeesWorker {

  private final FeeAssessments assessments;

  AssessFeesWorker(FeeAssessments assessments) {
    this.assessments = assessments;
  }

  @JobWorker(type = "fees.assess", fetchVariables = {"caseId", "feeItems", "feeRules"})
  public Map<String, Object> assess(
      @Variable long caseId, @Variable List<Map<String, Object>> feeItems, @Variable List<Map<String, Object>> feeRules) {
    FeeAssessments.Result result =
        assessments.assess(caseId, read(feeItems, FeeItem::fromVariables), read(feeRules, FeeRule::fromVariables));
    return Map.of(
        "feeTotal", result.feeTotal(), "statementId", result.statementId(), "feeReview", result.feeReview(),
        "statementEditUrl", result.statementEditUrl());
  }

  /** Elements in order; null elements are passed to the reader, which names the missing one. */
  static <T> List<T> read(List<Map<String, Object>> list, BiFunction<Integer, Map<String, Object>, T> reader) {
    List<T> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      result.add(reader.apply(i, list.get(i)));
    }
    return result;
  }
}
