package org.madoguchi.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.OidcAccounts;
import org.madoguchi.accounts.OidcApplicant;
import org.madoguchi.accounts.OidcStaffGroups;
import org.madoguchi.accounts.SignedInAccount;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in (an institution's IdP), on only when a registration is configured
 * ({@code spring.security.oauth2.client.registration.<id>.*}, see docs/deployment.md); without one the
 * portal runs exactly as before. The ID token's verified e-mail address is mapped to an account
 * ({@link OidcAccounts}), with the staff groups of the token's groups claim; once signed in, the session holds the same principal as after a
 * password sign-in ({@code SignedInAccount}), so every page and ownership check works unchanged.
 */
@Component
class OidcSignIn {

  /** What the sign-in page needs to show one "Sign in with ..." link per registration. */
  record Registration(String id, String name) {}

  private final ObjectProvider<ClientRegistrationRepository> registrations;
  private final OidcAccounts oidcAccounts;
  private final UserDetailsService userDetails;
  private final String groupsClaim;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  OidcSignIn(
      ObjectProvider<ClientRegistrationRepository> registrations,
      OidcAccounts oidcAccounts,
      UserDetailsService userDetails,
      MadoguchiProperties properties) {
    this.registrations = registrations;
    this.oidcAccounts = oidcAccounts;
    this.userDetails = userDetails;
    this.groupsClaim = properties.oidc().groupsClaim();
  }

  /** The configured registrations (none without configuration). */
  List<Registration> registrations() {
    List<Registration> found = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object each : all) {
        ClientRegistration registration = (ClientRegistration) each;
        String name = registration.getClientName() == null || registration.getClientName().equals(registration.getRegistrationId())
            ? registration.getRegistrationId()
            : registration.getClientName();
        found.add(new Registration(registration.getRegistrationId(), name));
      }
    }
    return found;
  }

  /** Adds OIDC login to the portal's filter chain if a registration is configured; otherwise nothing. */
  void configure(HttpSecurity http) throws Exception {
    if (registrations.getIfAvailable() == null) {
      return;
    }
    http.oauth2Login(
        oauth ->
            oauth.loginPage(PageSecurityConfiguration.LOGIN_PAGE)
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(userService()))
                .successHandler(this::signedIn)
                .failureUrl(PageSecurityConfiguration.LOGIN_PAGE + "?oidc"));
  }

  /**
   * Refuses identities without a verified e-mail or from another issuer than the registration's (the
   * sign-in page then says so); creates or links the account otherwise.
   */
  OAuth2UserService<OidcUserRequest, OidcUser> userService() {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser user = standard.loadUser(request);
      oidcAccounts.accountFor(
          applicant(request.getClientRegistration(), user), OidcStaffGroups.fromClaims(user.getClaims(), groupsClaim));
      return user;
    };
  }

  /** The applicant the token names, if its issuer is the registration's and the e-mail is verified. */
  static OidcApplicant applicant(ClientRegistration registration, OidcUser user) {
    String issuer = user.getIssuer() == null ? null : user.getIssuer().toString();
    return OidcApplicant.fromClaims(registration.getProviderDetails().getIssuerUri(), issuer, user.getClaims())
        .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("email_not_verified_or_other_issuer")));
  }

  /** Replaces the OIDC principal by the account's own, as a password sign-in would have it. */
  private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    OidcUser user = (OidcUser) authentication.getPrincipal();
    ClientRegistration registration =
        registrations.getObject().findByRegistrationId(((OAuth2AuthenticationToken) authentication).getAuthorizedClientRegistrationId());
    String email = oidcAccounts.accountFor(applicant(registration, user), OidcStaffGroups.fromClaims(user.getClaims(), groupsClaim));
    UserDetails account = userDetails.loadUserByUsername(email);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    response.sendRedirect(request.getContextPath() + SignInLanding.home(context.getAuthentication()));
  }
}
