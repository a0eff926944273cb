package org.madoguchi.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.madoguchi.accounts.SignedInAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Adds the case-overview panels ({@code templates/portal/case-overview.html}) to the case page only, so
 * that {@link PortalPages} stays as it is.
 */
@ControllerAdvice(assignableTypes = PortalPages.class)
class CaseOverviewModel {

  static final String CASE_PAGE = "/portal/requests/{caseNumber}";

  private final CaseOverview overview;

  CaseOverviewModel(CaseOverview overview) {
    this.overview = overview;
  }

  @ModelAttribute("overview")
  CaseOverview.View overview(@AuthenticationPrincipal SignedInAccount account, HttpServletRequest request) {
    if (account == null || !CASE_PAGE.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
      return null;
    }
    @SuppressWarnings("unchecked")
    var variables = (java.util.Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return overview.of(variables.get("caseNumber"), account.accountId());
  }
}
