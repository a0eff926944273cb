package org.madoguchi.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.common.web.StoredIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's personal API tokens: create one (its secret is shown once, on the page that follows),
 * see when each was created, last used and expires, and revoke one.
 */
@Controller
class ApiTokenPages {

  static final String PAGE = "/account/tokens";

  /** A new token's name and lifetime in days (one of {@link ApiTokens#LIFETIMES_DAYS}). */
  record NewToken(@NotBlank @Size(max = 100) @StoredIn("api_tokens.name") String name, @NotNull Integer days) {}

  private final ApiTokens tokens;

  ApiTokenPages(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping(PAGE)
  String page(@AuthenticationPrincipal SignedInAccount account, Model model) {
    if (!model.containsAttribute("newToken")) {
      model.addAttribute("newToken", new NewToken("", 90));
    }
    model.addAttribute("tokens", tokens.of(account.accountId()));
    model.addAttribute("lifetimes", ApiTokens.LIFETIMES_DAYS);
    return "accounts/tokens";
  }

  @PostMapping(PAGE)
  String create(
      @AuthenticationPrincipal SignedInAccount account,
      @Valid @ModelAttribute("newToken") NewToken newToken,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (newToken.days() != null && !ApiTokens.LIFETIMES_DAYS.contains(newToken.days())) {
      errors.rejectValue("days", "account.tokens.days.invalid");
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(account, model);
    }
    ApiTokens.Created created = tokens.create(account.accountId(), newToken.name(), Duration.ofDays(newToken.days()));
    // Shown once: the next page shows it from the flash attributes, no page can show it again.
    redirect.addFlashAttribute("createdSecret", created.secret());
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/{id}/revoke")
  String revoke(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id) {
    tokens.revoke(account.accountId(), id);
    return "redirect:" + PAGE + "?revoked";
  }
}
