package org.madoguchi.console.web.sessions;

import java.util.Collection;
import java.util.List;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.console.StaffViewer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who runs a unit's sessions: its coordinators ({@code unit-<code>}), its operators
 * ({@code operators-<code>}) and admins. Utilisation: admins every unit, coordinators their own units.
 * Anyone else gets the 403 page.
 */
final class SessionAccess {

  private SessionAccess() {}

  static void requireUnitMember(StaffViewer viewer, String unitCode) {
    if (!isAdmin(viewer)
        && !viewer.groups().contains(StaffGroup.unitCoordinators(unitCode))
        && !viewer.groups().contains(StaffGroup.operators(unitCode))) {
      throw new AccessDeniedException("the sessions of unit " + unitCode + " are run by its members and admins");
    }
  }

  /** The units whose utilisation the viewer sees, or null for every unit (admins). */
  static List<String> utilisationUnits(StaffViewer viewer, Collection<String> allUnits) {
    if (isAdmin(viewer)) {
      return List.copyOf(allUnits);
    }
    List<String> own = allUnits.stream().filter(code -> viewer.groups().contains(StaffGroup.unitCoordinators(code))).toList();
    if (own.isEmpty()) {
      throw new AccessDeniedException("utilisation is for admins and unit coordinators");
    }
    return own;
  }

  private static boolean isAdmin(StaffViewer viewer) {
    return viewer.groups().contains(StaffGroup.ADMINS);
  }
}
