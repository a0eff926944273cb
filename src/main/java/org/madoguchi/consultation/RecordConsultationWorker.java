package org.madoguchi.consultation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code consultation.record}: files the desk's decision from the consultation form. */
@Component
public class RecordConsultationWorker {

  private final ConsultationService consultation;

  RecordConsultationWorker(ConsultationService consultation) {
    this.consultation = consultation;
  }

  @JobWorker(
      type = "consultation.record",
      fetchVariables = {"caseId", "consultationOutcome", "plannedUnits", "supportPlan", "infoRequest", "declineReason"})
  public void record(
      ActivatedJob job,
      @Variable long caseId,
      @Variable String consultationOutcome,
      @Variable List<String> plannedUnits,
      @Variable String supportPlan,
      @Variable String infoRequest,
      @Variable String declineReason) {
    consultation.record(
        caseId,
        job.getElementInstanceKey(),
        new ConsultationInput(consultationOutcome, plannedUnits, supportPlan, infoRequest, declineReason));
  }
}
