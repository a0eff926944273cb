package org.madoguchi.accounts.web;

import jakarta.validation.Valid;
import java.util.Locale;
import org.madoguchi.accounts.SignupForm;
import org.madoguchi.accounts.Signups;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page, sign-up page and the verification link's landing page. */
@Controller
class SignupController {

  private static final int SIGN_UP_ATTEMPTS = 3;

  private final Signups signups;

  SignupController(Signups signups) {
    this.signups = signups;
  }

  @GetMapping("/login")
  String login() {
    return "accounts/login";
  }

  @GetMapping("/signup")
  String signupPage(Model model, Locale locale) {
    model.addAttribute("form", SignupForm.empty(PageLanguage.normalise(locale.getLanguage())));
    model.addAttribute("minPassword", SignupForm.MIN_PASSWORD);
    return "accounts/signup";
  }

  @PostMapping("/signup")
  String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors, Model model) {
    if (errors.hasErrors()) {
      model.addAttribute("minPassword", SignupForm.MIN_PASSWORD);
      return "accounts/signup";
    }
    signUpRacingOthers(form);
    return "redirect:/signup/sent";
  }

  /**
   * Sign-ups for one address at the same moment race on its unique key or deadlock on its rows; the
   * loser tries again, and then finds the account and takes the path of a repeat sign-up.
   */
  private void signUpRacingOthers(SignupForm form) {
    for (int attempt = 1; ; attempt++) {
      try {
        signups.signUp(form);
        return;
      } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
        if (attempt == SIGN_UP_ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  @GetMapping("/signup/sent")
  String sent() {
    return "accounts/signup-sent";
  }

  /**
   * The mail's link lands here and changes nothing (mail scanners open links): a link that can still
   * confirm shows the button that does it.
   */
  @GetMapping("/signup/verify")
  String verifyPage(@RequestParam(name = "token", required = false) String token, Model model) {
    model.addAttribute("result", signups.check(token).name());
    model.addAttribute("token", token);
    return "accounts/verified";
  }

  @PostMapping("/signup/verify")
  String verify(@RequestParam(name = "token", required = false) String token, Model model) {
    model.addAttribute("result", signups.verify(token).name());
    return "accounts/verified";
  }
}
