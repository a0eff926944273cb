package org.madoguchi.accounts.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.OidcAccounts;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * The portal's security configuration with and without an OpenID Connect registration: without one
 * nothing of OAuth2 is set up (the application runs as before; the whole-application ITs also run so);
 * with one, the portal's chain gains the OIDC login next to the password form, and only the registration's own
 * issuer with a verified address signs anyone in. No real IdP is involved.
 */
class OidcSignInContextTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
                  OAuth2ClientWebSecurityAutoConfiguration.class))
          .withUserConfiguration(PageSecurityConfiguration.class, OidcSignIn.class, SignInLanding.class)
          .withBean(
              MadoguchiProperties.class,
              () ->
                  new MadoguchiProperties(
                      "BINDS", ZoneId.of("Asia/Tokyo"), "desk@x", "m@x", "http://x", null, "http://x/tasklist", "http://x/operate",
                      new MadoguchiProperties.Oidc("groups")))
          .withBean(OidcAccounts.class, () -> mock(OidcAccounts.class))
          .withBean(UserDetailsService.class, () -> mock(UserDetailsService.class));

  private static List<Class<?>> portalFilters(FilterChainProxy proxy) {
    SecurityFilterChain chain = proxy.getFilterChains().getFirst();
    return chain.getFilters().stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void withoutARegistrationThePortalStartsAsBefore() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class);
          assertThat(context.getBean(OidcSignIn.class).registrations()).isEmpty();
          List<Class<?>> filters = portalFilters(context.getBean(FilterChainProxy.class));
          assertThat(filters).contains(UsernamePasswordAuthenticationFilter.class);
          assertThat(filters).doesNotContain(OAuth2LoginAuthenticationFilter.class, OAuth2AuthorizationRequestRedirectFilter.class);
        });
  }

  @Test
  void withARegistrationThePortalOffersTheInstitutionsSignIn() {
    String registration = "spring.security.oauth2.client.registration.institution.";
    String provider = "spring.security.oauth2.client.provider.institution.";
    runner
        .withPropertyValues(
            registration + "client-id=madoguchi",
            registration + "client-secret=secret",
            registration + "client-name=Example University",
            registration + "authorization-grant-type=authorization_code",
            registration + "scope=openid,email,profile",
            registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            provider + "authorization-uri=https://idp.example.ac.jp/auth",
            provider + "token-uri=https://idp.example.ac.jp/token",
            provider + "jwk-set-uri=https://idp.example.ac.jp/certs",
            provider + "user-name-attribute=sub")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(ClientRegistrationRepository.class);
              assertThat(context.getBean(OidcSignIn.class).registrations())
                  .containsExactly(new OidcSignIn.Registration("institution", "Example University"));
              List<Class<?>> filters = portalFilters(context.getBean(FilterChainProxy.class));
              assertThat(filters)
                  .contains(UsernamePasswordAuthenticationFilter.class, OAuth2LoginAuthenticationFilter.class,
                      OAuth2AuthorizationRequestRedirectFilter.class);
            });
  }

  @Test
  void onlyTheRegistrationsOwnIssuerWithAVerifiedAddressSignsIn() {
    String issuer = "https://idp.example.ac.jp/realms/researchers";
    ClientRegistration registration =
        ClientRegistration.withRegistrationId("institution")
            .clientId("madoguchi")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri(issuer + "/auth")
            .tokenUri(issuer + "/token")
            .issuerUri(issuer)
            .build();
    assertThat(OidcSignIn.applicant(registration, user(issuer, true)).email()).isEqualTo("aoi@example.ac.jp");
    assertThatThrownBy(() -> OidcSignIn.applicant(registration, user("https://elsewhere.example.com", true)))
        .isInstanceOf(OAuth2AuthenticationException.class);
    assertThatThrownBy(() -> OidcSignIn.applicant(registration, user(issuer, false)))
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  private static OidcUser user(String issuer, boolean emailVerified) {
    OidcIdToken token =
        OidcIdToken.withTokenValue("id-token")
            .issuer(issuer)
            .subject("f3a9-0042")
            .claim("email", "aoi@example.ac.jp")
            .claim("email_verified", emailVerified)
            .issuedAt(Instant.parse("2026-11-29T00:00:00Z"))
            .expiresAt(Instant.parse("2026-11-29T01:00:00Z"))
            .build();
    return new DefaultOidcUser(List.of(), token);
  }
}
