package org.madoguchi.console.web.recovery;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.fees.recovery.CostEntry;
import org.madoguchi.fees.recovery.CostKind;
import org.madoguchi.fees.recovery.FiscalYear;
import org.madoguchi.fees.recovery.UpkeepCosts;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.SupportUnit;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The costs page: an instrument's cost entries of a fiscal year, with totals per kind, a form to record
 * a cost and a reversal per entry ({@link UpkeepCosts}). Finance and admins for every instrument, unit
 * coordinators for their unit's ({@link RecoveryAccess}): another unit's instrument is the 403 page, an
 * unknown one the 404 page. A refused entry shows the page again (400) with the reason at the field.
 */
@Controller
class CostPages {

  static final String PAGE = "/console/recovery/costs";

  private final UpkeepCosts costs;
  private final UnitCatalogue catalogue;

  CostPages(UpkeepCosts costs, UnitCatalogue catalogue) {
    this.costs = costs;
    this.catalogue = catalogue;
  }

  @GetMapping(PAGE)
  String page(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @RequestParam(required = false) Long instrument,
      @RequestParam(required = false) String year, Model model) {
    List<Instrument> instruments = instruments(viewer);
    Instrument chosen = instrument == null ? (instruments.isEmpty() ? null : instruments.getFirst()) : instrumentOf(viewer, instrument);
    return costsPage(instruments, chosen, FiscalYears.chosen(year, costs.currentYear()), model);
  }

  @PostMapping(PAGE)
  String record(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @Valid @ModelAttribute("costForm") CostForm form,
      BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    List<Instrument> instruments = instruments(viewer);
    Instrument chosen = errors.hasFieldErrors("instrument") ? null : instrumentOf(viewer, form.getInstrument());
    if (!errors.hasErrors()) {
      try {
        CostEntry entry = costs.record(form.cost(), viewer.email());
        redirect.addFlashAttribute("saved", "recorded");
        return redirectTo(entry);
      } catch (InvalidRequestException refused) {
        refused.violations().forEach(v -> errors.rejectValue(v.field(), v.messageKey(), v.arguments(), v.messageKey()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    FiscalYear year = form.getIncurredOn() == null || errors.hasFieldErrors("incurredOn") ? costs.currentYear() : FiscalYear.of(form.getIncurredOn());
    return costsPage(instruments, chosen == null && !instruments.isEmpty() ? instruments.getFirst() : chosen, year, model);
  }

  @PostMapping(PAGE + "/{costId}/reversal")
  String reverse(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable long costId,
      @Valid @ModelAttribute("reversalForm") ReversalForm form, BindingResult errors, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    List<Instrument> instruments = instruments(viewer);
    CostEntry entry = costs.entry(costId);
    Instrument instrument = instrumentOf(viewer, entry.instrumentId());
    if (!errors.hasErrors()) {
      try {
        costs.reverse(costId, form.getReason(), viewer.email());
        redirect.addFlashAttribute("saved", "reversed");
        return redirectTo(entry);
      } catch (InvalidRequestException refused) {
        refused.violations().forEach(v -> errors.rejectValue(v.field(), v.messageKey(), v.arguments(), v.messageKey()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("reversalOf", costId);
    return costsPage(instruments, instrument, FiscalYear.of(entry.incurredOn()), model);
  }

  private static String redirectTo(CostEntry entry) {
    return "redirect:" + PAGE + "?instrument=" + entry.instrumentId() + "&year=" + FiscalYear.of(entry.incurredOn()).year() + "#costs";
  }

  private String costsPage(List<Instrument> instruments, Instrument chosen, FiscalYear year, Model model) {
    List<CostEntry> entries = chosen == null ? List.of() : costs.ofInstrument(chosen.id(), year);
    Map<CostKind, Long> byKind = new EnumMap<>(CostKind.class);
    for (CostKind kind : CostKind.values()) {
      byKind.put(kind, entries.stream().filter(e -> e.kind() == kind).mapToLong(CostEntry::amountYen).sum());
    }
    model.addAttribute("instruments", instruments);
    model.addAttribute("instrument", chosen);
    model.addAttribute("year", year);
    model.addAttribute("years", FiscalYears.offered(year, costs.currentYear()));
    model.addAttribute("entries", entries);
    model.addAttribute("byKind", byKind);
    model.addAttribute("total", entries.stream().mapToLong(CostEntry::amountYen).sum());
    model.addAttribute("kinds", CostKind.values());
    model.addAttribute("earliestDay", costs.earliestDay());
    model.addAttribute("latestDay", costs.latestDay());
    if (model.getAttribute("costForm") == null) {
      model.addAttribute("costForm", CostForm.forInstrument(chosen == null ? null : chosen.id()));
    }
    if (model.getAttribute("reversalForm") == null) {
      model.addAttribute("reversalForm", new ReversalForm());
    }
    return "console/recovery-costs";
  }

  /** The instruments whose costs the viewer records, by unit then id (403 for someone who records none). */
  private List<Instrument> instruments(StaffViewer viewer) {
    return RecoveryAccess.units(viewer, catalogue.units().stream().map(SupportUnit::code).toList()).stream()
        .sorted()
        .flatMap(unit -> catalogue.instruments(unit).stream())
        .toList();
  }

  /** The instrument, if the viewer may record its costs (404 for no such instrument, 403 for another unit's). */
  private Instrument instrumentOf(StaffViewer viewer, long instrumentId) {
    Instrument instrument = catalogue.instrument(instrumentId).orElseThrow(() -> new NotFoundException("instrument " + instrumentId));
    RecoveryAccess.requireInstrument(viewer, instrument);
    return instrument;
  }
}
