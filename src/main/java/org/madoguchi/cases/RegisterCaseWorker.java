package org.madoguchi.cases;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code case.register}: links the instance to the case; SLA, priority and what the staff forms show. */
@Component
public class RegisterCaseWorker {

  private static final Logger log = LoggerFactory.getLogger(RegisterCaseWorker.class);

  private final CaseRegistration registration;
  private final CamundaClient client;

  RegisterCaseWorker(CaseRegistration registration, CamundaClient client) {
    this.registration = registration;
    this.client = client;
  }

  @JobWorker(type = "case.register", fetchVariables = "caseId")
  public Map<String, Object> register(ActivatedJob job, @Variable long caseId) {
    CaseRegistration.Registration result = registration.register(caseId, job.getProcessInstanceKey());
    if (result.duplicate()) {
      // A start command retried after a lost answer: the case already has its instance.
      log.warn("Cancelling duplicate instance {} of case {}", job.getProcessInstanceKey(), caseId);
      client.newCancelInstanceCommand(job.getProcessInstanceKey()).send().join();
      return Map.of();
    }
    return result.variables();
  }
}
