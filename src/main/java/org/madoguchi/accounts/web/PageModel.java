package org.madoguchi.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import org.madoguchi.accounts.SignedInAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header needs (the portal's and the account pages alike): who is signed in, and
 * where the language switch returns to.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

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
