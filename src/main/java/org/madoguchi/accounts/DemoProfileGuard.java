package org.madoguchi.accounts;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The {@code demo} profile seeds accounts whose password is "demo" (admin included), so it must never
 * run in production. Production is recognised by any one of its settings: secure session cookies, an
 * https portal address, a configured OpenID Connect client, or a database password other than the
 * local stack's ({@code madoguchi}) or the embedded database's (empty).
 */
final class DemoProfileGuard {

  static final String DEMO_PROFILE = "demo";
  private static final List<String> LOCAL_DATABASE_PASSWORDS = List.of("", "madoguchi");
  private static final ConfigurationPropertyName OIDC_CLIENT = ConfigurationPropertyName.of("spring.security.oauth2.client");

  private DemoProfileGuard() {}

  /** Refuses to go on when the demo profile meets a production setting, naming each one found. */
  static void refuseInProduction(Environment environment) {
    List<String> found = productionSettings(environment);
    if (!found.isEmpty()) {
      throw new IllegalStateException(
          "The '" + DEMO_PROFILE + "' profile creates demo accounts with the password 'demo' and is refused "
              + "when a production setting is present: " + String.join("; ", found)
              + ". Remove '" + DEMO_PROFILE + "' from SPRING_PROFILES_ACTIVE (see docs/deployment.md).");
    }
  }

  static List<String> productionSettings(Environment environment) {
    List<String> found = new ArrayList<>();
    if (environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false)) {
      found.add("secure session cookies (server.servlet.session.cookie.secure / MADOGUCHI_SECURE_COOKIES is true)");
    }
    String portalUrl = environment.getProperty("madoguchi.portal-url", "");
    if (portalUrl.regionMatches(true, 0, "https:", 0, "https:".length())) {
      found.add("an https portal address (madoguchi.portal-url / MADOGUCHI_PORTAL_URL is " + portalUrl + ")");
    }
    if (hasAnyUnder(environment, OIDC_CLIENT)) {
      found.add("an OpenID Connect client (spring.security.oauth2.client.*)");
    }
    if (!LOCAL_DATABASE_PASSWORDS.contains(environment.getProperty("spring.datasource.password", ""))) {
      found.add("a production database password (spring.datasource.password / MADOGUCHI_DB_PASSWORD)");
    }
    return found;
  }

  /** Also finds settings given as environment variables (SPRING_SECURITY_OAUTH2_CLIENT_...). */
  private static boolean hasAnyUnder(Environment environment, ConfigurationPropertyName prefix) {
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource iterable
          && iterable.stream().anyMatch(prefix::isAncestorOf)) {
        return true;
      }
    }
    return false;
  }
}
