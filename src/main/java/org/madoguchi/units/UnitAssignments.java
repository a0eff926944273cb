package org.madoguchi.units;

import java.time.Clock;
import java.util.Optional;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the units' decisions on their assignments, once per unit-support instance. */
@Service
class UnitAssignments {

  private final UnitAssignmentRepository assignments;
  private final UnitCatalogue catalogue;
  private final CaseFile caseFile;
  private final CaseTeams teams;
  private final Accounts accounts;
  private final Clock clock;

  UnitAssignments(
      UnitAssignmentRepository assignments,
      UnitCatalogue catalogue,
      CaseFile caseFile,
      CaseTeams teams,
      Accounts accounts,
      Clock clock) {
    this.assignments = assignments;
    this.catalogue = catalogue;
    this.caseFile = caseFile;
    this.teams = teams;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * Stores the decision and its audit line; returns the unit-support result when the unit returned
   * the request. A repeated job (same process instance) changes nothing and answers as the first did.
   */
  @Transactional
  public Optional<UnitSupportResult> record(AssignmentDecision decision) {
    nameLeadOperator(decision);
    Optional<UnitAssignment> earlier = assignments.findByProcessInstanceKey(decision.processInstanceKey());
    if (earlier.isPresent()) {
      return resultOf(earlier.get());
    }
    if (!catalogue.isKnownUnit(decision.unitCode())) {
      throw new IllegalArgumentException("Unknown support unit '" + decision.unitCode() + "'");
    }
    caseFile.get(decision.caseId());
    int round = assignments.lastRound(decision.caseId(), decision.unitCode()) + 1;
    UnitAssignment assignment = assignments.save(new UnitAssignment(decision, round, clock.instant()));
    caseFile.record(
        decision.caseId(), event(assignment), Actor.staff("unit-" + decision.unitCode()),
        "units:assignment:" + decision.processInstanceKey());
    return resultOf(assignment);
  }

  /**
   * The form offers the unit's operators by e-mail; the one chosen joins the case's team (idempotent).
   * A name that is no operator account (typed into a task of an earlier model) stays on the assignment only.
   */
  private void nameLeadOperator(AssignmentDecision decision) {
    if (decision.leadOperator() == null) {
      return;
    }
    accounts.staffMember(decision.leadOperator(), StaffGroup.operators(decision.unitCode()))
        .ifPresent(operator ->
            teams.assign(decision.caseId(), TeamRole.LEAD_OPERATOR, decision.unitCode(), operator.email(), operator.displayName()));
  }

  private static Optional<UnitSupportResult> resultOf(UnitAssignment assignment) {
    return assignment.isReturned()
        ? Optional.of(UnitSupportResult.returned(assignment.unitCode(), assignment.returnReason()))
        : Optional.empty();
  }

  private static CaseEvent event(UnitAssignment a) {
    return a.isReturned()
        ? new CaseEvent.UnitReturned(a.unitCode(), a.returnReason())
        : new CaseEvent.UnitAccepted(a.unitCode(), a.leadOperator(), a.estimatedHours(), a.instrumentClass(), a.preferredStart());
  }
}
