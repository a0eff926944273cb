package org.madoguchi.console.web.catalogue;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.SelfUseQualifications;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.console.web.StaffViewers;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The self-use section of an instrument's catalogue page: its self-use rules, and granting and revoking
 * applicants' qualifications. Who may: as for the rest of the instrument's page ({@link CatalogueAccess}).
 * A change redirects to the section; a refused one shows the page again (400) with the reason at the field.
 */
@Controller
class SelfUseCataloguePages {

  private static final String INSTRUMENT = CataloguePages.ROOT + "/instruments/{instrumentId}";
  static final String RULES = INSTRUMENT + "/self-use";
  static final String GRANT = INSTRUMENT + "/self-use/qualifications";
  static final String REVOKE = INSTRUMENT + "/self-use/qualifications/{qualificationId}/revocation";

  private final CataloguePages pages;
  private final SelfUseQualifications qualifications;
  private final UnitCatalogue catalogue;
  private final Accounts accounts;
  private final StaffViewers viewers;

  SelfUseCataloguePages(
      CataloguePages pages, SelfUseQualifications qualifications, UnitCatalogue catalogue, Accounts accounts, StaffViewers viewers) {
    this.pages = pages;
    this.qualifications = qualifications;
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.viewers = viewers;
  }

  @PostMapping(RULES)
  String saveRules(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId,
      @Valid @ModelAttribute("selfUseRulesForm") SelfUseRulesForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = administeredBy(account, instrumentId);
    if (errors.hasErrors()) {
      return pageAgain(account, instrumentId, model, response);
    }
    qualifications.setRules(form.rules(instrumentId), viewer.email());
    return saved(instrumentId, "self-use-rules", redirect);
  }

  @PostMapping(GRANT)
  String grant(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId,
      @Valid @ModelAttribute("selfUseGrantForm") SelfUseGrantForm form, BindingResult errors,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    StaffViewer viewer = administeredBy(account, instrumentId);
    Optional<Account> applicant = errors.hasErrors()
        ? Optional.empty()
        : accounts.findByEmail(form.getApplicant().strip()).filter(a -> a.roles().contains(Role.APPLICANT));
    if (applicant.isEmpty()) {
      if (!errors.hasErrors()) {
        errors.rejectValue("applicant", "selfuse.section.unknownApplicant");
      }
      return pageAgain(account, instrumentId, model, response);
    }
    qualifications.grant(instrumentId, applicant.get().id(), viewer.email());
    return saved(instrumentId, "self-use-granted", redirect);
  }

  @PostMapping(REVOKE)
  String revoke(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable long instrumentId, @PathVariable long qualificationId,
      RedirectAttributes redirect) {
    StaffViewer viewer = administeredBy(account, instrumentId);
    if (!qualifications.revoke(instrumentId, qualificationId, viewer.email())) {
      throw new NotFoundException("self-use qualification " + qualificationId);
    }
    return saved(instrumentId, "self-use-revoked", redirect);
  }

  /** The viewer, if they may administer the instrument's unit (403 otherwise; 404 for no such instrument). */
  private StaffViewer administeredBy(SignedInAccount account, long instrumentId) {
    StaffViewer viewer = viewers.of(account);
    CatalogueAccess.requireCatalogue(viewer);
    Instrument instrument = catalogue.instrument(instrumentId).orElseThrow(() -> new NotFoundException("instrument " + instrumentId));
    CatalogueAccess.requireUnit(viewer, instrument.unitCode());
    return viewer;
  }

  private static String saved(long instrumentId, String what, RedirectAttributes redirect) {
    redirect.addFlashAttribute("saved", what);
    return "redirect:" + CataloguePages.ROOT + "/instruments/" + instrumentId + "#self-use";
  }

  private String pageAgain(SignedInAccount account, long instrumentId, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return pages.instrument(account, instrumentId, model);
  }
}
