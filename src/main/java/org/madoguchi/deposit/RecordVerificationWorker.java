package org.madoguchi.deposit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code deposit.record-verification}: records a data steward's decision on a dataset. */
@Component
public class RecordVerificationWorker {

  private final DepositWorkflow workflow;

  RecordVerificationWorker(DepositWorkflow workflow) {
    this.workflow = workflow;
  }

  @JobWorker(type = "deposit.record-verification", fetchVariables = {"datasetId", "verification", "stewardNote"})
  public void record(ActivatedJob job, @Variable long datasetId, @Variable String verification, @Variable String stewardNote) {
    workflow.recordVerification(datasetId, verification, stewardNote, job.getKey());
  }
}
