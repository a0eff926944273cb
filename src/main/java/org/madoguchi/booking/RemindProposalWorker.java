package org.madoguchi.booking;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code booking.remind-proposal}: mails the applicant once more about the slots waiting for an answer. */
@Component
public class RemindProposalWorker {

  private final SlotProposals proposals;

  RemindProposalWorker(SlotProposals proposals) {
    this.proposals = proposals;
  }

  @JobWorker(type = "booking.remind-proposal", fetchVariables = {"caseId", "unitCode"})
  public void remind(ActivatedJob job, @Variable long caseId, @Variable String unitCode) {
    proposals.remind(caseId, unitCode, job.getKey());
  }
}
