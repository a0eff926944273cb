package org.madoguchi.units;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code units.record-assignment}: stores the unit's decision; a returned request reports back to the desk. */
@Component
public class RecordAssignmentWorker {

  private final UnitAssignments assignments;

  RecordAssignmentWorker(UnitAssignments assignments) {
    this.assignments = assignments;
  }

  @JobWorker(
      type = "units.record-assignment",
      fetchVariables = {
        "caseId", "unitCode", "unitDecision", "leadOperator", "estimatedHours", "instrumentClass",
        "preferredStart", "returnReason"
      })
  public Map<String, Object> record(
      ActivatedJob job,
      @Variable long caseId,
      @Variable String unitCode,
      @Variable String unitDecision,
      @Variable String leadOperator,
      @Variable BigDecimal estimatedHours,
      @Variable String instrumentClass,
      @Variable String preferredStart,
      @Variable String returnReason) {
    AssignmentDecision decision =
        AssignmentDecision.of(
            caseId, unitCode, job.getProcessInstanceKey(), unitDecision, leadOperator, estimatedHours,
            instrumentClass, preferredStart, returnReason);
    return assignments
        .record(decision)
        .<Map<String, Object>>map(result -> Map.of("unitSupportResult", result))
        .orElse(Map.of());
  }
}
