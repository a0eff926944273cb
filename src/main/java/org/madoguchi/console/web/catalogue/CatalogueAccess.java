package org.madoguchi.console.web.catalogue;

import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.console.StaffViewer;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may administer the catalogue: {@code admins} every unit and the facility's closures, a unit's
 * coordinators ({@code unit-<code>}) their own unit and its instruments. Anyone else gets the 403 page.
 */
final class CatalogueAccess {

  private CatalogueAccess() {}

  static boolean isAdmin(StaffViewer viewer) {
    return viewer.groups().contains(StaffGroup.ADMINS);
  }

  static boolean mayAdminister(StaffViewer viewer, String unitCode) {
    return isAdmin(viewer) || viewer.groups().stream().anyMatch(g -> g.name().equals("unit-" + unitCode));
  }

  /** Admins, or the coordinators of at least one unit. */
  static void requireCatalogue(StaffViewer viewer) {
    if (!isAdmin(viewer) && viewer.groups().stream().noneMatch(g -> g.name().startsWith("unit-"))) {
      throw new AccessDeniedException("the catalogue is for admins and unit coordinators");
    }
  }

  static void requireUnit(StaffViewer viewer, String unitCode) {
    if (!mayAdminister(viewer, unitCode)) {
      throw new AccessDeniedException("unit " + unitCode + " is administered by its coordinators and admins");
    }
  }

  static void requireAdmin(StaffViewer viewer) {
    if (!isAdmin(viewer)) {
      throw new AccessDeniedException("this part of the catalogue is for admins");
    }
  }
}
