package org.madoguchi.booking;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code booking.withdraw-proposal}: an unanswered proposal is withdrawn and the unit schedules again (or,
 * when the applicant's pick beat the timer, the process goes on with that booking).
 */
@Component
public class WithdrawProposalWorker {

  private final SlotProposals proposals;

  WithdrawProposalWorker(SlotProposals proposals) {
    this.proposals = proposals;
  }

  @JobWorker(type = "booking.withdraw-proposal", fetchVariables = {"caseId", "unitCode"})
  public Map<String, Object> withdraw(@Variable long caseId, @Variable String unitCode) {
    return proposals.withdraw(caseId, unitCode);
  }
}
