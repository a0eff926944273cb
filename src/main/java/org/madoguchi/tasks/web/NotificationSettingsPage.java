package org.madoguchi.tasks.web;

import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.tasks.NoticeSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A staff person's mail notices: the daily digest on or off (session and CSRF as every page). */
@Controller
@RequestMapping("/account/notifications")
class NotificationSettingsPage {

  private static final String STAFF_AUTHORITY = "ROLE_" + Role.STAFF.name();

  private final NoticeSettings settings;

  NotificationSettingsPage(NoticeSettings settings) {
    this.settings = settings;
  }

  @GetMapping
  String show(@AuthenticationPrincipal SignedInAccount account, Model model) {
    model.addAttribute("digestEnabled", settings.digestEnabled(staff(account)));
    return "tasks/notifications";
  }

  /** The page's form only: a body of another kind would read as the box unticked. */
  @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  String save(@AuthenticationPrincipal SignedInAccount account, @RequestParam(name = "digest", defaultValue = "false") boolean digest) {
    settings.setDigestEnabled(staff(account), digest);
    return "redirect:/account/notifications?saved";
  }

  /** Applicants get no staff notices and may not see this page. */
  private static long staff(SignedInAccount account) {
    if (account == null || account.getAuthorities().stream().noneMatch(a -> STAFF_AUTHORITY.equals(a.getAuthority()))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return account.accountId();
  }
}
