package org.madoguchi.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.SignedInAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The language switch on every page: remembered on the account when signed in, else in the session. */
@Controller
class LanguageController {

  private final Accounts accounts;

  LanguageController(Accounts accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/language")
  String switchLanguage(
      @AuthenticationPrincipal SignedInAccount account,
      @RequestParam String lang,
      @RequestParam(name = "returnTo", required = false) String returnTo,
      HttpServletRequest request) {
    String language = PageLanguage.normalise(lang);
    if (account != null) {
      accounts.updateLanguage(account.accountId(), language);
    }
    request.getSession(true).setAttribute(PageLanguage.SESSION_ATTRIBUTE, language);
    return "redirect:" + safeReturn(returnTo);
  }

  /** Only a path on this site, never another host (no open redirect). */
  static String safeReturn(String returnTo) {
    if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
        || returnTo.contains("\r") || returnTo.contains("\n")) {
      return "/portal/requests";
    }
    return returnTo;
  }
}
