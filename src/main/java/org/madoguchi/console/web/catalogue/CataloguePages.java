package org.madoguchi.console.web.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.console.web.StaffViewers;
import org.madoguchi.units.CatalogueAdministration;
import org.madoguchi.units.CatalogueChanges;
import org.madoguchi.units.FacilityCalendar;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.InstrumentDetails;
import org.madoguchi.units.MaintenanceWindow;
import org.madoguchi.units.OperatorQualification;
import org.madoguchi.units.SupportUnit;
import org.madoguchi.units.UnitCatalogue;
import org.madoguchi.units.WindowKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue's pages in the staff console: units, their instruments, operators' qualifications,
 * maintenance and downtime windows (with the bookings a window overlaps, to be moved) and the facility's
 * closed days, each with its recent changes. Admins administer every unit and the closures, a unit's
 * coordinators their own unit ({@link CatalogueAccess}). A change is posted, then redirected to its page;
 * a refused one shows the page again (400) with the reason at the field.
 */
@Controller
class CataloguePages {

  static final String ROOT = "/console/catalogue";
  static final int RECENT_CHANGES = 30;

  private final UnitCatalogue catalogue;
  private final CatalogueAdministration administration;
  private final CatalogueChanges changes;
  private final FacilityCalendar calendar;
  private final BookingsToMove bookingsToMove;
  private final StaffViewers viewers;
  private final MadoguchiProperties properties;
  private final Clock clock;

  CataloguePages(
      UnitCatalogue catalogue, CatalogueAdministration administration, CatalogueChanges changes, FacilityCalendar calendar,
      BookingsToMove bookingsToMove, StaffViewers viewers, MadoguchiProperties properties, Clock clock) {
    this.catalogue = catalogue;
    this.administration = administration;
    this.changes = changes;
    this.calendar = calendar;
    this.bookingsToMove = bookingsToMove;
    this.viewers = viewers;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping(ROOT)
  String home(@AuthenticationPrincipal SignedInAccount account, Model model) {
    StaffViewer viewer = viewers.of(account);
    CatalogueAccess.requireCatalogue(viewer);
    return homePage(viewer, model);
  }

  @PostMapping(ROOT + "/units")
  String addUnit(
      @AuthenticationPrincipal SignedInAccount account, @Valid @ModelAttribute("unitForm") UnitForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    CatalogueAccess.requireAdmin(viewer);
    if (changed(errors, () -> administration.addUnit(viewer.email(), form.unit()))) {
      redirect.addFlashAttribute("saved", "unit");
      return "redirect:" + ROOT + "/units/" + form.unit().code();
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return homePage(viewer, model);
  }

  @PostMapping(ROOT + "/closures")
  String addClosure(
      @AuthenticationPrincipal SignedInAccount account, @Valid @ModelAttribute("closureForm") ClosureForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    CatalogueAccess.requireAdmin(viewer);
    if (changed(errors, () -> administration.addClosure(viewer.email(), form.getClosedOn(), form.getReason().strip()))) {
      redirect.addFlashAttribute("saved", "closure");
      return "redirect:" + ROOT + "#closed-days";
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return homePage(viewer, model);
  }

  @PostMapping(ROOT + "/closures/{closureId}/removal")
  String removeClosure(@AuthenticationPrincipal SignedInAccount account, @PathVariable long closureId, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    CatalogueAccess.requireAdmin(viewer);
    administration.removeClosure(viewer.email(), closureId);
    redirect.addFlashAttribute("saved", "closure-removed");
    return "redirect:" + ROOT + "#closed-days";
  }

  @GetMapping(ROOT + "/units/{unitCode}")
  String unit(@AuthenticationPrincipal SignedInAccount account, @PathVariable String unitCode, Model model) {
    StaffViewer viewer = viewers.of(account);
    CatalogueAccess.requireUnit(viewer, unitCode);
    return unitPage(unit(unitCode), model);
  }

  @PostMapping(ROOT + "/units/{unitCode}")
  String editUnit(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String unitCode,
      @Valid @ModelAttribute("unitForm") UnitForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    CatalogueAccess.requireUnit(viewer, unitCode);
    SupportUnit unit = unit(unitCode);
    SupportUnit edited = form.unit();
    if (changed(errors, () -> administration.editUnit(viewer.email(), unitCode, edited.nameJa(), edited.nameEn(), edited.description()))) {
      redirect.addFlashAttribute("saved", "unit");
      return "redirect:" + ROOT + "/units/" + unitCode;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return unitPage(unit, model);
  }

  @PostMapping(ROOT + "/units/{unitCode}/instruments")
  String addInstrument(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String unitCode,
      @Valid @ModelAttribute("instrumentForm") InstrumentForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    CatalogueAccess.requireUnit(viewer, unitCode);
    SupportUnit unit = unit(unitCode);
    List<Instrument> added = new ArrayList<>(1);
    if (changed(errors, () -> added.add(administration.addInstrument(viewer.email(), unitCode, form.details())))) {
      redirect.addFlashAttribute("saved", "instrument-added");
      return "redirect:" + ROOT + "/instruments/" + added.getFirst().id();
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return unitPage(unit, model);
  }

  @GetMapping(ROOT + "/instruments/{instrumentId}")
  String instrument(@AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId, Model model) {
    StaffViewer viewer = viewers.of(account);
    return instrumentPage(instrumentOf(viewer, instrumentId), model);
  }

  @PostMapping(ROOT + "/instruments/{instrumentId}")
  String editInstrument(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId,
      @Valid @ModelAttribute("instrumentForm") InstrumentForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    Instrument instrument = instrumentOf(viewer, instrumentId);
    return afterChange(instrument, "instrument", errors, () -> administration.editInstrument(viewer.email(), instrumentId, form.details()),
        model, response, redirect);
  }

  @PostMapping(ROOT + "/instruments/{instrumentId}/booking-rules")
  String editBookingRules(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId,
      @Valid @ModelAttribute("bookingRulesForm") BookingRulesForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    Instrument instrument = instrumentOf(viewer, instrumentId);
    return afterChange(instrument, "booking-rules", errors,
        () -> administration.editBookingRules(viewer.email(), instrumentId, form.values()), model, response, redirect);
  }

  @PostMapping(ROOT + "/instruments/{instrumentId}/qualifications")
  String grantQualification(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId,
      @Valid @ModelAttribute("qualificationForm") QualificationForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    Instrument instrument = instrumentOf(viewer, instrumentId);
    return afterChange(instrument, "qualifications", errors,
        () -> administration.grantQualification(viewer.email(), instrumentId, form.getOperator(), form.getGrantedOn(), form.getExpiresOn()),
        model, response, redirect);
  }

  @PostMapping(ROOT + "/instruments/{instrumentId}/qualifications/{qualificationId}/revocation")
  String revokeQualification(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId, @PathVariable long qualificationId,
      RedirectAttributes redirect) {
    return afterRemoval(account, instrumentId, "qualifications", "qualification-revoked", redirect,
        by -> administration.revokeQualification(by, instrumentId, qualificationId));
  }

  @PostMapping(ROOT + "/instruments/{instrumentId}/windows")
  String addWindow(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId,
      @Valid @ModelAttribute("windowForm") WindowForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = viewers.of(account);
    Instrument instrument = instrumentOf(viewer, instrumentId);
    ZoneId zone = properties.timeZone();
    return afterChange(instrument, "windows", errors,
        () -> administration.addWindow(viewer.email(), instrumentId, WindowKind.of(form.getKind()),
            form.getStartsAt().atZone(zone).toInstant(), form.getEndsAt().atZone(zone).toInstant(), form.getReason().strip()),
        model, response, redirect);
  }

  @PostMapping(ROOT + "/instruments/{instrumentId}/windows/{windowId}/removal")
  String removeWindow(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId, @PathVariable long windowId,
      RedirectAttributes redirect) {
    return afterRemoval(account, instrumentId, "windows", "window-removed", redirect,
        by -> administration.removeWindow(by, instrumentId, windowId));
  }

  /** Removes something of the instrument in the viewer's name, then returns to its page's section with the notice. */
  private String afterRemoval(
      SignedInAccount account, long instrumentId, String section, String saved, RedirectAttributes redirect, Consumer<String> removal) {
    StaffViewer viewer = viewers.of(account);
    instrumentOf(viewer, instrumentId);
    removal.accept(viewer.email());
    redirect.addFlashAttribute("saved", saved);
    return "redirect:" + ROOT + "/instruments/" + instrumentId + "#" + section;
  }

  /** Redirects to the instrument page's section (its id) after a change; shows the page again (400) with what was refused. */
  private String afterChange(
      Instrument instrument, String section, BindingResult errors, Runnable change, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    if (changed(errors, change)) {
      redirect.addFlashAttribute("saved", section);
      return "redirect:" + ROOT + "/instruments/" + instrument.id() + "#" + section;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return instrumentPage(instrument, model);
  }

  /** Runs the change if the form is valid; a rule the service refuses is shown at its field. */
  private static boolean changed(BindingResult errors, Runnable change) {
    if (errors.hasErrors()) {
      return false;
    }
    try {
      change.run();
      return true;
    } catch (InvalidRequestException refused) {
      refused.violations().forEach(v -> errors.rejectValue(v.field(), v.messageKey(), v.arguments(), v.messageKey()));
      return false;
    }
  }

  private String homePage(StaffViewer viewer, Model model) {
    model.addAttribute("units", catalogue.units().stream().filter(u -> CatalogueAccess.mayAdminister(viewer, u.code())).toList());
    model.addAttribute("admin", CatalogueAccess.isAdmin(viewer));
    LocalDate today = calendar.facilityDate(clock.instant());
    model.addAttribute("closedDays", calendar.closedDays(today.withDayOfYear(1), today.plusYears(1).withMonth(12).withDayOfMonth(31)));
    // Coordinators read the closures' changes, not which units others added.
    model.addAttribute("changes", changes.ofFacility(RECENT_CHANGES).stream()
        .filter(c -> CatalogueAccess.isAdmin(viewer) || c.unitCode() == null).toList());
    addIfAbsent(model, "unitForm", UnitForm.empty());
    addIfAbsent(model, "closureForm", new ClosureForm());
    return "catalogue/index";
  }

  private String unitPage(SupportUnit unit, Model model) {
    List<Instrument> instruments = catalogue.instruments(unit.code());
    Map<Long, List<OperatorQualification>> byOperator = new LinkedHashMap<>();
    for (Instrument instrument : instruments) {
      administration.qualifications(instrument.id())
          .forEach(q -> byOperator.computeIfAbsent(q.accountId(), id -> new ArrayList<>()).add(q));
    }
    model.addAttribute("unit", unit);
    model.addAttribute("instruments", instruments);
    model.addAttribute("instrumentNames", instruments.stream().collect(Collectors.toMap(Instrument::id, Instrument::name)));
    model.addAttribute("operators", administration.operators(unit.code()));
    model.addAttribute("qualificationsByOperator", byOperator);
    model.addAttribute("today", calendar.facilityDate(clock.instant()));
    model.addAttribute("changes", changes.ofUnit(unit.code(), RECENT_CHANGES));
    model.addAttribute("classes", InstrumentDetails.CLASSES);
    addIfAbsent(model, "unitForm", UnitForm.of(unit));
    addIfAbsent(model, "instrumentForm", InstrumentForm.blank());
    return "catalogue/unit";
  }

  private String instrumentPage(Instrument instrument, Model model) {
    List<MaintenanceWindow> windows = administration.currentWindows(instrument.id(), clock.instant());
    Map<Long, List<BookingsToMove.BookingToMove>> toMove = new LinkedHashMap<>();
    windows.forEach(w -> toMove.put(w.id(), bookingsToMove.overlapping(w)));
    LocalDate today = calendar.facilityDate(clock.instant());
    model.addAttribute("unit", unit(instrument.unitCode()));
    model.addAttribute("instrument", instrument);
    model.addAttribute("classes", InstrumentDetails.CLASSES);
    model.addAttribute("operators", administration.operators(instrument.unitCode()));
    model.addAttribute("qualifications", administration.qualifications(instrument.id()));
    model.addAttribute("windows", windows);
    model.addAttribute("toMove", toMove);
    model.addAttribute("today", today);
    model.addAttribute("zone", properties.timeZone());
    model.addAttribute("changes", changes.ofInstrument(instrument.id(), RECENT_CHANGES));
    addIfAbsent(model, "instrumentForm", InstrumentForm.of(instrument));
    addIfAbsent(model, "bookingRulesForm", BookingRulesForm.of(catalogue.bookingRules(instrument.id()).orElseThrow()));
    addIfAbsent(model, "qualificationForm", QualificationForm.startingOn(today));
    addIfAbsent(model, "windowForm", new WindowForm());
    return "catalogue/instrument";
  }

  private static void addIfAbsent(Model model, String name, Object form) {
    if (model.getAttribute(name) == null) {
      model.addAttribute(name, form);
    }
  }

  private SupportUnit unit(String code) {
    return catalogue.unit(code).orElseThrow(() -> new NotFoundException("unit " + code));
  }

  /** The instrument, if the viewer may administer its unit (403 otherwise; 404 for no such instrument). */
  private Instrument instrumentOf(StaffViewer viewer, long instrumentId) {
    CatalogueAccess.requireCatalogue(viewer);
    Instrument instrument = catalogue.instrument(instrumentId).orElseThrow(() -> new NotFoundException("instrument " + instrumentId));
    CatalogueAccess.requireUnit(viewer, instrument.unitCode());
    return instrument;
  }
}
