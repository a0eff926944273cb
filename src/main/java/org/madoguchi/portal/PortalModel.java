package org.madoguchi.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.madoguchi.accounts.SignedInAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page's header needs: who is signed in, and where the language switch returns to. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getRequestURI() + (query == null ? "" : "?" + query);
  }

  @ModelAttribute("signedInEmail")
  String signedInEmail(@AuthenticationPrincipal SignedInAccount account) {
    return account == null ? null : account.getUsername();
  }
}
