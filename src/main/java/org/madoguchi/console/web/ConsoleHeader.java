package org.madoguchi.console.web;

import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.console.StaffViewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the console's header needs on every console page: who is signed in and where Tasklist is (the
 * language switch's return path comes with every page's model).
 */
@ControllerAdvice(basePackages = "org.madoguchi.console.web")
class ConsoleHeader {

  private final StaffViewers viewers;
  private final MadoguchiProperties properties;

  ConsoleHeader(StaffViewers viewers, MadoguchiProperties properties) {
    this.viewers = viewers;
    this.properties = properties;
  }

  @ModelAttribute("viewer")
  StaffViewer viewer(@AuthenticationPrincipal SignedInAccount account) {
    return account == null ? null : viewers.of(account);
  }

  @ModelAttribute("tasklistUrl")
  String tasklistUrl() {
    return properties.tasklistUrl();
  }
}
