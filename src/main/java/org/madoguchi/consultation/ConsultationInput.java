package org.madoguchi.consultation;

import java.util.List;
import java.util.Map;

/**
 * The consultation form's values as the desk submitted them in Tasklist. The team (lead coordinator,
 * a contact per unit) and the confirmation of the declared category and fast-track are optional: tasks
 * created by earlier models lack them.
 */
record ConsultationInput(
    String consultationOutcome,
    List<String> plannedUnits,
    String supportPlan,
    String infoRequest,
    String declineReason,
    String leadCoordinator,
    Map<String, String> unitContacts,
    String confirmedCategory,
    Boolean confirmedFastTrack,
    String declarationChangeReason) {

  static final String ACCEPT = "accept";
  static final String REQUEST_INFO = "request-info";
  static final String DECLINE = "decline";

  List<String> plannedUnitsOrEmpty() {
    return plannedUnits == null ? List.of() : plannedUnits.stream().distinct().toList();
  }

  boolean confirmsDeclaration() {
    return confirmedCategory != null && confirmedFastTrack != null && !DECLINE.equals(consultationOutcome);
  }

  /** The form enforces these too; a bad value here is a model defect and must stop the case visibly. */
  void check() {
    switch (consultationOutcome == null ? "" : consultationOutcome) {
      case ACCEPT -> {
        if (plannedUnitsOrEmpty().isEmpty()) {
          throw new IllegalArgumentException("an accepted consultation needs at least one planned unit");
        }
      }
      case REQUEST_INFO -> {
        if (infoRequest == null || infoRequest.isBlank()) {
          throw new IllegalArgumentException("an information request needs a question");
        }
      }
      case DECLINE -> {
        if (declineReason == null || declineReason.isBlank()) {
          throw new IllegalArgumentException("a decline needs a reason");
        }
      }
      default -> throw new IllegalArgumentException("unknown consultation outcome: " + consultationOutcome);
    }
  }
}
