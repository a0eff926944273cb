package org.madoguchi.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.AccountPassword;
import org.madoguchi.accounts.PasswordResets;
import org.madoguchi.accounts.Signups;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Account self-service without signing in: resend the verification mail, "forgot password" and the
 * reset link. Every answer about an address is the same whether it has an account or not.
 */
@Controller
class AccountPages {

  private final Signups signups;
  private final PasswordResets resets;

  AccountPages(Signups signups, PasswordResets resets) {
    this.signups = signups;
    this.resets = resets;
  }

  @PostMapping("/signup/resend")
  String resend(@Valid @ModelAttribute("address") PasswordForm.Address address, BindingResult errors) {
    if (!errors.hasErrors()) {
      signups.resend(address.email());
    }
    return "redirect:/signup/sent?resent";
  }

  @GetMapping("/password/forgot")
  String forgotPage(Model model) {
    model.addAttribute("address", new PasswordForm.Address(""));
    model.addAttribute("minutes", PasswordResets.LINK_VALIDITY.toMinutes());
    return "accounts/password-forgot";
  }

  @PostMapping("/password/forgot")
  String forgot(@Valid @ModelAttribute("address") PasswordForm.Address address, BindingResult errors) {
    if (errors.hasErrors()) {
      return "accounts/password-forgot";
    }
    resets.request(address.email());
    return "redirect:/password/forgot?sent";
  }

  @GetMapping("/password/reset")
  String resetPage(@RequestParam(name = "token", required = false) String token, Model model) {
    model.addAttribute("form", new PasswordForm.NewPassword(token, ""));
    return passwordResetPage(model, resets.isUsable(token));
  }

  @PostMapping("/password/reset")
  String reset(
      @Valid @ModelAttribute("form") PasswordForm.NewPassword form,
      BindingResult errors,
      Model model,
      HttpServletRequest request) {
    if (errors.hasErrors()) {
      return passwordResetPage(model, true);
    }
    if (resets.reset(form.token(), form.password()) == PasswordResets.Outcome.INVALID) {
      return passwordResetPage(model, false);
    }
    // This browser starts afresh too: whoever was signed in here signs in again with the new password.
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    return "redirect:/login?reset";
  }

  /** The reset page: the form if the link is {@code usable}, else the way to ask for a new link. */
  private static String passwordResetPage(Model model, boolean usable) {
    model.addAttribute("usable", usable);
    model.addAttribute("minPassword", AccountPassword.MIN);
    return "accounts/password-reset";
  }
}
