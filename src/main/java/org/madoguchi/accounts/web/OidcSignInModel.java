package org.madoguchi.accounts.web;

import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The sign-in page's "Sign in with <institution>" links (none without an OIDC registration). */
@ControllerAdvice(assignableTypes = SignupController.class)
class OidcSignInModel {

  private final OidcSignIn oidc;

  OidcSignInModel(OidcSignIn oidc) {
    this.oidc = oidc;
  }

  @ModelAttribute("oidcRegistrations")
  List<OidcSignIn.Registration> oidcRegistrations() {
    return oidc.registrations();
  }
}
