package org.madoguchi.accounts;

import java.util.Map;
import java.util.Optional;

/**
 * Who an OpenID Connect ID token says the applicant is, as far as Madoguchi uses it. Only a verified
 * e-mail address from the configured issuer makes an applicant: {@code email_verified} must be
 * {@code true}, and the token's issuer the one of the registration (its {@code issuer-uri}).
 */
public record OidcApplicant(String issuer, String subject, String email, String displayName, String language) {

  /**
   * Empty when the token comes from another issuer than {@code configuredIssuer} (or none is
   * configured), has no subject or e-mail, or the IdP has not verified the e-mail.
   */
  public static Optional<OidcApplicant> fromClaims(String configuredIssuer, String issuer, Map<String, Object> claims) {
    String subject = text(claims.get("sub"));
    String email = text(claims.get("email"));
    if (issuer == null || issuer.isBlank() || !issuer.equals(configuredIssuer) || subject == null || email == null || !email.contains("@")
        || !isTrue(claims.get("email_verified"))) {
      return Optional.empty();
    }
    return Optional.of(new OidcApplicant(issuer, subject, email.toLowerCase(java.util.Locale.ROOT), displayName(claims, email), language(claims)));
  }

  private static String displayName(Map<String, Object> claims, String email) {
    String name = text(claims.get("name"));
    if (name != null) {
      return limit(name);
    }
    String given = text(claims.get("given_name"));
    String family = text(claims.get("family_name"));
    if (given != null || family != null) {
      return limit(((family == null ? "" : family) + " " + (given == null ? "" : given)).strip());
    }
    return limit(email.substring(0, email.indexOf('@')));
  }

  /** {@code en} if the IdP says the person's locale is English, otherwise the portal's default, Japanese. */
  private static String language(Map<String, Object> claims) {
    String locale = text(claims.get("locale"));
    return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "en" : "ja";
  }

  /** IdPs send {@code true} or, sometimes, {@code "true"}. */
  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || (value instanceof String s && "true".equalsIgnoreCase(s.strip()));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static String limit(String value) {
    return value.length() > 200 ? value.substring(0, 200) : value;
  }
}
