package org.madoguchi.accounts;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** From an ID token's claims to the applicant account Madoguchi creates or links. */
class OidcApplicantTest {

  private static final String ISSUER = "https://idp.example.ac.jp/realms/staff";

  private static Map<String, Object> claims() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", "f3a9-0042");
    claims.put("email", "Aoi.Tanaka@Example.AC.JP");
    claims.put("email_verified", true);
    claims.put("name", "田中 葵");
    claims.put("locale", "ja-JP");
    return claims;
  }

  @Test
  void aVerifiedAddressMakesAnApplicantLinkedByIssuerAndSubject() {
    OidcApplicant applicant = OidcApplicant.fromClaims(ISSUER, ISSUER, claims()).orElseThrow();
    assertThat(applicant.issuer()).isEqualTo(ISSUER);
    assertThat(applicant.subject()).isEqualTo("f3a9-0042");
    assertThat(applicant.email()).isEqualTo("aoi.tanaka@example.ac.jp");
    assertThat(applicant.displayName()).isEqualTo("田中 葵");
    assertThat(applicant.language()).isEqualTo("ja");
  }

  @Test
  void anUnverifiedOrMissingAddressIsRefused() {
    Map<String, Object> unverified = claims();
    unverified.put("email_verified", false);
    assertThat(OidcApplicant.fromClaims(ISSUER, ISSUER, unverified)).isEmpty();
    Map<String, Object> unsaid = claims();
    unsaid.remove("email_verified");
    assertThat(OidcApplicant.fromClaims(ISSUER, ISSUER, unsaid)).isEmpty();
    Map<String, Object> noEmail = claims();
    noEmail.remove("email");
    assertThat(OidcApplicant.fromClaims(ISSUER, ISSUER, noEmail)).isEmpty();
    Map<String, Object> noSubject = claims();
    noSubject.remove("sub");
    assertThat(OidcApplicant.fromClaims(ISSUER, ISSUER, noSubject)).isEmpty();
    assertThat(OidcApplicant.fromClaims(ISSUER, null, claims())).isEmpty();
  }

  @Test
  void onlyTheConfiguredIssuerLinksOrCreatesAccounts() {
    assertThat(OidcApplicant.fromClaims(ISSUER, "https://other-idp.example.com/", claims())).isEmpty();
    assertThat(OidcApplicant.fromClaims(ISSUER, ISSUER + "/evil", claims())).isEmpty();
    // A registration without an issuer-uri trusts no issuer.
    assertThat(OidcApplicant.fromClaims(null, ISSUER, claims())).isEmpty();
  }

  @Test
  void someIdPsSendTheFlagAsText() {
    Map<String, Object> text = claims();
    text.put("email_verified", "true");
    assertThat(OidcApplicant.fromClaims(ISSUER, ISSUER, text)).isPresent();
    text.put("email_verified", "false");
    assertThat(OidcApplicant.fromClaims(ISSUER, ISSUER, text)).isEmpty();
  }

  @Test
  void theNameAndLanguageFallBackSensibly() {
    Map<String, Object> parts = claims();
    parts.remove("name");
    parts.put("given_name", "Aoi");
    parts.put("family_name", "Tanaka");
    parts.put("locale", "en-GB");
    OidcApplicant fromParts = OidcApplicant.fromClaims(ISSUER, ISSUER, parts).orElseThrow();
    assertThat(fromParts.displayName()).isEqualTo("Tanaka Aoi");
    assertThat(fromParts.language()).isEqualTo("en");

    Map<String, Object> bare = claims();
    bare.remove("name");
    bare.remove("locale");
    OidcApplicant fromAddress = OidcApplicant.fromClaims(ISSUER, ISSUER, bare).orElseThrow();
    assertThat(fromAddress.displayName()).isEqualTo("Aoi.Tanaka");
    assertThat(fromAddress.language()).isEqualTo("ja");
  }
}
