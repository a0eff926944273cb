package org.madoguchi.console.web.recovery;

import java.util.Collection;
import java.util.List;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.units.Instrument;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees cost recovery and records costs: {@code finance} and {@code admins} for every instrument, a
 * unit's coordinators ({@code unit-<code>}) for their own unit's instruments. Anyone else gets the 403 page.
 */
final class RecoveryAccess {

  private RecoveryAccess() {}

  static boolean seesEveryUnit(StaffViewer viewer) {
    return viewer.groups().contains(StaffGroup.FINANCE) || viewer.groups().contains(StaffGroup.ADMINS);
  }

  /** The units whose costs and recovery the viewer sees (at least one). */
  static List<String> units(StaffViewer viewer, Collection<String> allUnits) {
    if (seesEveryUnit(viewer)) {
      return List.copyOf(allUnits);
    }
    List<String> own = allUnits.stream().filter(code -> viewer.groups().contains(StaffGroup.unitCoordinators(code))).toList();
    if (own.isEmpty()) {
      throw new AccessDeniedException("cost recovery is for finance, admins and unit coordinators");
    }
    return own;
  }

  static void requireInstrument(StaffViewer viewer, Instrument instrument) {
    if (!seesEveryUnit(viewer) && !viewer.groups().contains(StaffGroup.unitCoordinators(instrument.unitCode()))) {
      throw new AccessDeniedException("the costs of unit " + instrument.unitCode() + "'s instruments are recorded by its coordinators, finance and admins");
    }
  }
}
