package org.madoguchi.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.madoguchi.accounts.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where a sign-in lands: the page the person was sent to sign in from, else staff on the staff console
 * and applicants on their requests. Form and OpenID Connect sign-ins alike.
 */
@Component
class SignInLanding extends SavedRequestAwareAuthenticationSuccessHandler {

  static final String STAFF_HOME = "/console";
  static final String APPLICANT_HOME = "/portal/requests";

  @Override
  protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    return home(authentication);
  }

  static String home(Authentication authentication) {
    boolean staff =
        authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.STAFF.name()));
    return staff ? STAFF_HOME : APPLICANT_HOME;
  }
}
