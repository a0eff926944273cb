package org.madoguchi.consultation;

import java.util.List;
import java.util.Map;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.units.CaseTeams;
import org.madoguchi.units.TeamRole;
import org.springframework.stereotype.Component;

/**
 * Names the team the desk chose in consultation: the lead coordinator (a desk person) and a contact
 * per planned unit (one of its coordinators). The form offers only such people; anyone else is a form
 * or model defect and stops the job visibly.
 */
@Component
class ConsultationTeam {

  private final Accounts accounts;
  private final CaseTeams teams;

  ConsultationTeam(Accounts accounts, CaseTeams teams) {
    this.accounts = accounts;
    this.teams = teams;
  }

  void name(long caseId, String leadCoordinator, Map<String, String> unitContacts, List<String> plannedUnits) {
    if (leadCoordinator != null && !leadCoordinator.isBlank()) {
      Account lead = member(leadCoordinator, StaffGroup.DESK);
      teams.assign(caseId, TeamRole.LEAD_COORDINATOR, null, lead.email(), lead.displayName());
    }
    if (unitContacts == null) {
      return;
    }
    unitContacts.forEach((unit, email) -> {
      if (email == null || email.isBlank()) {
        return;
      }
      if (!plannedUnits.contains(unit)) {
        throw new IllegalArgumentException("a contact for unit " + unit + ", which is not in the plan");
      }
      Account contact = member(email, StaffGroup.unitCoordinators(unit));
      teams.assign(caseId, TeamRole.UNIT_CONTACT, unit, contact.email(), contact.displayName());
    });
  }

  private Account member(String email, StaffGroup group) {
    return accounts.staffMember(email, group)
        .orElseThrow(() -> new IllegalArgumentException(email + " is not a staff member of " + group));
  }
}
