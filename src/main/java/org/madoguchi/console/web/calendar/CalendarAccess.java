package org.madoguchi.console.web.calendar;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.units.CatalogueAdministration;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.SupportUnit;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose calendars a staff member sees: the desk and admins every unit's, a unit's coordinators
 * ({@code unit-<code>}) their own unit's, an operator the instruments they are qualified for today. Only
 * admins and the coordinators of a booking's unit move it.
 */
@Component
class CalendarAccess {

  /** A unit with the instruments of it the viewer sees (never empty). */
  record VisibleUnit(SupportUnit unit, List<Instrument> instruments) {

    Optional<Instrument> instrument(long id) {
      return instruments.stream().filter(i -> i.id() == id).findFirst();
    }
  }

  private final UnitCatalogue catalogue;
  private final CatalogueAdministration administration;
  private final FacilityCalendar facility;
  private final Clock clock;

  CalendarAccess(UnitCatalogue catalogue, CatalogueAdministration administration, FacilityCalendar facility, Clock clock) {
    this.catalogue = catalogue;
    this.administration = administration;
    this.facility = facility;
    this.clock = clock;
  }

  /** The units whose calendars the viewer sees, by code. */
  List<VisibleUnit> visibleUnits(StaffViewer viewer) {
    Set<Long> qualified = new HashSet<>(qualifiedInstruments(viewer));
    List<VisibleUnit> visible = new ArrayList<>();
    for (SupportUnit unit : catalogue.units()) {
      visibleUnit(viewer, unit, qualified).ifPresent(visible::add);
    }
    return visible;
  }

  /** The unit if the viewer sees it; 403 for a unit they do not see (or that does not exist). */
  VisibleUnit requireUnit(StaffViewer viewer, String unitCode) {
    return catalogue.unit(unitCode)
        .flatMap(unit -> visibleUnit(viewer, unit, new HashSet<>(qualifiedInstruments(viewer))))
        .orElseThrow(() -> new AccessDeniedException("the calendar of unit " + unitCode + " is not the viewer's"));
  }

  private Optional<VisibleUnit> visibleUnit(StaffViewer viewer, SupportUnit unit, Set<Long> qualified) {
    boolean whole = viewer.seesEveryCase() || viewer.groups().contains(StaffGroup.unitCoordinators(unit.code()));
    if (!whole && qualified.isEmpty()) {
      return Optional.empty();
    }
    List<Instrument> instruments =
        catalogue.instruments(unit.code()).stream().filter(i -> whole || qualified.contains(i.id())).toList();
    return instruments.isEmpty() ? Optional.empty() : Optional.of(new VisibleUnit(unit, instruments));
  }

  /** The instruments the viewer is qualified to run today. */
  List<Long> qualifiedInstruments(StaffViewer viewer) {
    return administration.qualifiedInstruments(viewer.accountId(), facility.facilityDate(clock.instant()));
  }

  static boolean mayMove(StaffViewer viewer, String unitCode) {
    return viewer.groups().contains(StaffGroup.ADMINS) || viewer.groups().contains(StaffGroup.unitCoordinators(unitCode));
  }

  static void requireMove(StaffViewer viewer, String unitCode) {
    if (!mayMove(viewer, unitCode)) {
      throw new AccessDeniedException("bookings of unit " + unitCode + " are moved by its coordinators and admins");
    }
  }
}
