package org.madoguchi.units;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The units' decisions on a case, every round, for the staff console. */
@NamedInterface("api")
@Service
public class AssignmentHistory {

  /** One unit's decision in one round: {@code decision} is {@code accept} or {@code return}. */
  @NamedInterface("api")
  public record AssignmentView(
      String unitCode,
      int round,
      String decision,
      String leadOperator,
      BigDecimal estimatedHours,
      String instrumentClass,
      LocalDate preferredStart,
      String returnReason,
      Instant decidedAt) {}

  private final UnitAssignmentRepository assignments;

  AssignmentHistory(UnitAssignmentRepository assignments) {
    this.assignments = assignments;
  }

  /** Oldest first; the caller checks the viewer may see the case. */
  @Transactional(readOnly = true)
  public List<AssignmentView> forStaff(long caseId) {
    return assignments.findByCaseIdOrderByIdAsc(caseId).stream()
        .map(
            a ->
                new AssignmentView(
                    a.unitCode(), a.roundNo(), a.decision(), a.leadOperator(), a.estimatedHours(), a.instrumentClass(),
                    a.preferredStart(), a.returnReason(), a.decidedAt()))
        .toList();
  }

  /** Whether the unit's latest decision on the case is to accept it (so its sessions may be booked). */
  @Transactional(readOnly = true)
  public boolean accepted(long caseId, String unitCode) {
    return assignments.findFirstByCaseIdAndUnitCodeOrderByRoundNoDesc(caseId, unitCode)
        .map(a -> !a.isReturned())
        .orElse(false);
  }
}
