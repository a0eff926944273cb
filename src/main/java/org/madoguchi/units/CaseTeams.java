package org.madoguchi.units;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cross-unit team of each case: a lead coordinator from the desk, a contact per planned unit, a
 * lead operator per accepting unit. Re-planning ends the previous holder's row instead of overwriting
 * it, so the history stays.
 */
@NamedInterface("api")
@Service
public class CaseTeams {

  private final TeamAssignmentRepository assignments;
  private final Clock clock;

  CaseTeams(TeamAssignmentRepository assignments, Clock clock) {
    this.assignments = assignments;
    this.clock = clock;
  }

  /**
   * Makes the person the holder of the role (for the unit; null for the lead coordinator). Repeating
   * it with the same person changes nothing, so a job that runs twice names them once.
   */
  @Transactional
  public void assign(long caseId, TeamRole role, String unitCode, String email, String name) {
    if (role == TeamRole.LEAD_COORDINATOR ? unitCode != null : unitCode == null) {
      throw new IllegalArgumentException(role + (unitCode == null ? " needs a unit" : " belongs to the desk, not a unit"));
    }
    String unit = unitCode == null ? "" : unitCode;
    var current = assignments.findCurrentForUpdate(caseId, role, unit);
    if (current.isPresent() && current.get().isHeldBy(email)) {
      return;
    }
    Instant now = clock.instant();
    current.ifPresent(previous -> previous.end(now));
    assignments.save(new TeamAssignment(caseId, role, unitCode, email, name, now));
  }

  /** Who holds which role now. */
  @Transactional(readOnly = true)
  public List<TeamMember> current(long caseId) {
    return history(caseId).stream().filter(TeamMember::isCurrent).toList();
  }

  /** Every holder there has been, oldest first. */
  @Transactional(readOnly = true)
  public List<TeamMember> history(long caseId) {
    return assignments.findByCaseIdOrderByAssignedAtAscIdAsc(caseId).stream().map(TeamAssignment::view).toList();
  }

  @Transactional(readOnly = true)
  public boolean isMember(long caseId, String email) {
    return assignments.existsByCaseIdAndEmailAndEndedAtIsNull(caseId, email.toLowerCase());
  }

  /** The cases the person is currently on the team of ("my cases"). */
  @Transactional(readOnly = true)
  public Set<Long> casesOf(String email) {
    return new TreeSet<>(assignments.findCurrentCaseIdsOf(email.toLowerCase()));
  }
}
