package org.madoguchi.consultation;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A case's consultation as staff read it: every desk decision and every question with its answer, oldest first. */
@NamedInterface("api")
public record StaffConsultation(List<Decision> decisions, List<InformationExchange> exchanges) {

  /** One completed consultation task: {@code outcome} is {@code accept}, {@code request-info} or {@code decline}. */
  @NamedInterface("api")
  public record Decision(
      String outcome, List<String> plannedUnits, String supportPlan, String infoRequest, String declineReason, Instant decidedAt) {}
}
