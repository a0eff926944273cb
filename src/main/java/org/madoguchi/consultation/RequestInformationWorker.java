package org.madoguchi.consultation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code consultation.request-info}: sends the desk's question to the applicant. */
@Component
public class RequestInformationWorker {

  private final ConsultationService consultation;

  RequestInformationWorker(ConsultationService consultation) {
    this.consultation = consultation;
  }

  @JobWorker(type = "consultation.request-info", fetchVariables = {"caseId", "infoRequest"})
  public void requestInformation(ActivatedJob job, @Variable long caseId, @Variable String infoRequest) {
    consultation.requestInformation(caseId, job.getElementInstanceKey(), infoRequest);
  }
}
