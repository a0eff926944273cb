package org.madoguchi.consultation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code consultation.remind-info}: reminds the applicant of an unanswered question. */
@Component
public class RemindApplicantWorker {

  private final ConsultationService consultation;

  RemindApplicantWorker(ConsultationService consultation) {
    this.consultation = consultation;
  }

  @JobWorker(type = "consultation.remind-info", fetchVariables = "caseId")
  public void remind(ActivatedJob job, @Variable long caseId) {
    consultation.remindApplicant(caseId, job.getKey());
  }
}
