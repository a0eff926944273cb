package org.madoguchi.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** What the desk decided in one consultation: accept with a plan, ask for information, or decline. */
@Entity
@Table(name = "consultation_decisions")
class ConsultationDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_id", nullable = false)
  private long caseId;

  @Column(name = "element_instance_key", nullable = false, unique = true)
  private long elementInstanceKey;

  @Column(nullable = false)
  private String outcome;

  @Column(name = "planned_units", nullable = false)
  private String plannedUnits;

  @Column(name = "support_plan")
  private String supportPlan;

  @Column(name = "info_request")
  private String infoRequest;

  @Column(name = "decline_reason")
  private String declineReason;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected ConsultationDecision() {}

  ConsultationDecision(long caseId, long elementInstanceKey, ConsultationInput input, Instant decidedAt) {
    this.caseId = caseId;
    this.elementInstanceKey = elementInstanceKey;
    this.outcome = input.consultationOutcome();
    this.plannedUnits = String.join(",", input.plannedUnitsOrEmpty());
    this.supportPlan = input.supportPlan();
    this.infoRequest = input.infoRequest();
    this.declineReason = input.declineReason();
    this.decidedAt = decidedAt;
  }

  List<String> plannedUnits() {
    return plannedUnits.isEmpty() ? List.of() : List.of(plannedUnits.split(","));
  }

  StaffConsultation.Decision view() {
    return new StaffConsultation.Decision(outcome, plannedUnits(), supportPlan, infoRequest, declineReason, decidedAt);
  }
}
