package org.madoguchi.portal;

import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page, sign-up page and the verification link. */
@Controller
class SignupController {

  private final Signups signups;

  SignupController(Signups signups) {
    this.signups = signups;
  }

  @GetMapping("/login")
  String login() {
    return "portal/login";
  }

  @GetMapping("/signup")
  String signupPage(Model model, Locale locale) {
    model.addAttribute("form", SignupForm.empty(PortalLanguage.normalise(locale.getLanguage())));
    model.addAttribute("minPassword", SignupForm.MIN_PASSWORD);
    return "portal/signup";
  }

  @PostMapping("/signup")
  String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors, Model model) {
    if (errors.hasErrors()) {
      model.addAttribute("minPassword", SignupForm.MIN_PASSWORD);
      return "portal/signup";
    }
    signups.signUp(form);
    return "redirect:/signup/sent";
  }

  @GetMapping("/signup/sent")
  String sent() {
    return "portal/signup-sent";
  }

  @GetMapping("/signup/verify")
  String verify(@RequestParam(name = "token", required = false) String token, Model model) {
    model.addAttribute("result", signups.verify(token).name());
    return "portal/verified";
  }
}
