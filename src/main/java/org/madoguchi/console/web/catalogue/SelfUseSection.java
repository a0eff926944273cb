package org.madoguchi.console.web.catalogue;

import java.util.List;
import org.madoguchi.booking.SelfUseQualifications;
import org.madoguchi.booking.SelfUseQualifications.Qualification;
import org.madoguchi.booking.SelfUseQualifications.SelfUseRules;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The self-use section of an instrument's catalogue page ({@code catalogue/self-use.html}): what it shows
 * and its forms, added to the model of every page of an instrument, so that a refused change elsewhere
 * on the page shows it too.
 */
@ControllerAdvice(assignableTypes = {CataloguePages.class, SelfUseCataloguePages.class})
class SelfUseSection {

  /** The instrument's self-use rules and qualified applicants; {@code expiresAfterDays} the lapse period. */
  record SelfUseView(SelfUseRules rules, List<Qualification> qualifications, long expiresAfterDays) {}

  private final SelfUseQualifications qualifications;

  SelfUseSection(SelfUseQualifications qualifications) {
    this.qualifications = qualifications;
  }

  @ModelAttribute("selfUse")
  SelfUseView selfUse(@PathVariable(name = "instrumentId", required = false) Long instrumentId) {
    return instrumentId == null
        ? null
        : new SelfUseView(qualifications.rules(instrumentId), qualifications.onInstrument(instrumentId), qualifications.expiresAfterDays());
  }

  @ModelAttribute("selfUseRulesForm")
  SelfUseRulesForm selfUseRulesForm(@PathVariable(name = "instrumentId", required = false) Long instrumentId) {
    return instrumentId == null ? null : SelfUseRulesForm.of(qualifications.rules(instrumentId));
  }

  @ModelAttribute("selfUseGrantForm")
  SelfUseGrantForm selfUseGrantForm() {
    return new SelfUseGrantForm();
  }
}
