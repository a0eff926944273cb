package org.madoguchi.consultation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code consultation.record}: files the desk's decision from the consultation form, names the team,
 * and answers with the confirmed category, fast-track, priority and SLA that count from now on.
 */
@Component
public class RecordConsultationWorker {

  private final ConsultationService consultation;

  RecordConsultationWorker(ConsultationService consultation) {
    this.consultation = consultation;
  }

  @JobWorker(
      type = "consultation.record",
      fetchVariables = {
        "caseId", "consultationOutcome", "plannedUnits", "supportPlan", "infoRequest", "declineReason",
        "leadCoordinator", "unitContacts", "confirmedCategory", "confirmedFastTrack", "declarationChangeReason"
      })
  public Map<String, Object> record(
      ActivatedJob job,
      @Variable long caseId,
      @Variable String consultationOutcome,
      @Variable List<String> plannedUnits,
      @Variable String supportPlan,
      @Variable String infoRequest,
      @Variable String declineReason,
      @Variable String leadCoordinator,
      @Variable Map<String, String> unitContacts,
      @Variable String confirmedCategory,
      @Variable Boolean confirmedFastTrack,
      @Variable String declarationChangeReason) {
    return consultation.record(
        caseId,
        job.getElementInstanceKey(),
        new ConsultationInput(
            consultationOutcome, plannedUnits, supportPlan, infoRequest, declineReason, leadCoordinator, unitContacts,
            confirmedCategory, confirmedFastTrack, declarationChangeReason));
  }
}
