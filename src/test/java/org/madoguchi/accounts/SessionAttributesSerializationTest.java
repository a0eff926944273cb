package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sessions live in the database, written and read with Java serialization by Spring Session JDBC: what
 * the portal keeps in a session (as the real Spring components put it there) must come back equal on
 * another instance. The whole sign-in across two instances runs in TwoInstancesIT; OIDC's objects,
 * which need an identity provider there, are checked here.
 */
class SessionAttributesSerializationTest {

  private final SerializingConverter serializer = new SerializingConverter();
  private final DeserializingConverter deserializer = new DeserializingConverter(getClass().getClassLoader());
  private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/requests/BINDS-2026-00042");
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private final MockHttpSession session = new MockHttpSession();

  SessionAttributesSerializationTest() {
    request.setSession(session);
    request.setQueryString("tab=documents");
    request.addHeader("Accept-Language", "en");
  }

  @Test
  void aPasswordSignInsSessionSurvivesTheDatabase() {
    new HttpSessionRequestCache().saveRequest(request, response);
    HttpSessionCsrfTokenRepository csrf = new HttpSessionCsrfTokenRepository();
    csrf.saveToken(csrf.generateToken(request), request, response);
    session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("Bad credentials"));
    saveContext(UsernamePasswordAuthenticationToken.authenticated(signedIn(), null, signedIn().getAuthorities()));
    session.setAttribute("org.madoguchi.accounts.web.PageLanguage.language", "en");
    session.setAttribute("org.madoguchi.accounts.web.SessionsAfterPasswordChange.signedInAt", Instant.parse("2026-11-29T01:02:03Z"));
    FlashMap flash = new FlashMap();
    flash.put("documentAttached", "structure.pdf");
    flash.put("noteAdded", true);
    new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);

    assertEveryAttributeComesBackEqual();
    SecurityContextImpl context = (SecurityContextImpl) roundTrip(session.getAttribute(SPRING_SECURITY_CONTEXT));
    SignedInAccount principal = (SignedInAccount) context.getAuthentication().getPrincipal();
    assertThat(principal.accountId()).isEqualTo(42);
    assertThat(principal.language()).isEqualTo("en");
    assertThat(principal.getAuthorities()).extracting(Object::toString).contains("ROLE_STAFF", "GROUP_desk");
  }

  @Test
  void anOidcSignInsSessionSurvivesTheDatabase() {
    OAuth2AuthorizationRequest authorization =
        OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri("https://idp.example.ac.jp/auth")
            .clientId("madoguchi")
            .redirectUri("https://madoguchi.example/login/oauth2/code/institution")
            .scopes(Set.of("openid", "email"))
            .state("state-1")
            .attributes(Map.of("registration_id", "institution", "nonce", "nonce-1"))
            .build();
    new HttpSessionOAuth2AuthorizationRequestRepository().saveAuthorizationRequest(authorization, request, response);
    OidcIdToken idToken =
        new OidcIdToken("token", Instant.parse("2026-11-29T01:00:00Z"), Instant.parse("2026-11-29T02:00:00Z"),
            Map.of("iss", "https://idp.example.ac.jp", "sub", "u-1", "email", "hana@example.ac.jp", "email_verified", true,
                "groups", List.of("desk")));
    var authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"));
    // What the OIDC filter saves before Madoguchi's success handler replaces it by the account's principal.
    saveContext(new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken, "email"), authorities, "institution"));

    assertEveryAttributeComesBackEqual();
  }

  private static final String SPRING_SECURITY_CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

  private void saveContext(org.springframework.security.core.Authentication authentication) {
    new HttpSessionSecurityContextRepository().saveContext(new SecurityContextImpl(authentication), request, response);
  }

  private void assertEveryAttributeComesBackEqual() {
    List<String> names = Collections.list(session.getAttributeNames());
    assertThat(names).isNotEmpty();
    for (String name : names) {
      Object attribute = session.getAttribute(name);
      assertThat(roundTrip(attribute)).as(name).usingRecursiveComparison().isEqualTo(attribute);
    }
  }

  private Object roundTrip(Object attribute) {
    return deserializer.convert(serializer.convert(attribute));
  }

  private static SignedInAccount signedIn() {
    Account account = new Account("hana.mori@madoguchi.example", "{bcrypt}hash", "Hana Mori", "en", Set.of(Role.STAFF),
        Instant.parse("2026-01-01T00:00:00Z"));
    ReflectionTestUtils.setField(account, "id", 42L);
    account.markVerified(Instant.parse("2026-01-01T00:00:00Z"));
    account.assignStaffGroups(Set.of(StaffGroup.DESK));
    return new SignedInAccount(account);
  }
}
