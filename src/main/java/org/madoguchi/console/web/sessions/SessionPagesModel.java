package org.madoguchi.console.web.sessions;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.console.StaffViewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the console header needs on the session and utilisation pages: the viewer, Tasklist and the current path. */
@ControllerAdvice(assignableTypes = {SessionPages.class, UtilisationPages.class})
class SessionPagesModel {

  private final Accounts accounts;
  private final MadoguchiProperties properties;

  SessionPagesModel(Accounts accounts, MadoguchiProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @ModelAttribute("viewer")
  StaffViewer viewer(@AuthenticationPrincipal SignedInAccount account) {
    if (account == null) {
      return null;
    }
    Account found = accounts.find(account.accountId()).orElseThrow();
    return new StaffViewer(found.id(), found.email(), found.displayName(), Set.copyOf(found.staffGroups()));
  }

  @ModelAttribute("tasklistUrl")
  String tasklistUrl() {
    return properties.tasklistUrl();
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
