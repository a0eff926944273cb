package org.madoguchi.accounts;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The demo accounts come only with the {@code demo} profile, and the application refuses to start with
 * it beside any production setting. The local run's settings (plain-HTTP cookies, http portal, the
 * local database password) are the baseline that starts.
 */
class DemoProfileTest {

  private static final String[] LOCAL_RUN = {
    "server.servlet.session.cookie.secure=false",
    "madoguchi.portal-url=http://localhost:8080",
    "spring.datasource.password=madoguchi"
  };

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(Accounts.class, () -> mock(Accounts.class))
          .withPropertyValues(LOCAL_RUN)
          .withUserConfiguration(DemoAccounts.class);

  @Test
  void theDemoProfileStartsWithTheLocalRunsSettings() {
    runner
        .withPropertyValues("spring.profiles.active=local,demo")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(DemoAccounts.class);
        });
  }

  @Test
  void withoutTheDemoProfileThereAreNoDemoAccounts() {
    runner
        .withPropertyValues("spring.profiles.active=local", "server.servlet.session.cookie.secure=true")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean(DemoAccounts.class);
        });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "server.servlet.session.cookie.secure=true | secure session cookies",
        "madoguchi.portal-url=https://madoguchi.example.org | an https portal address",
        "spring.security.oauth2.client.registration.institution.client-id=madoguchi | an OpenID Connect client",
        "spring.security.oauth2.client.provider.institution.issuer-uri=https://idp.example.org | an OpenID Connect client",
        "spring.datasource.password=s3cret-production | a production database password"
      })
  void theDemoProfileIsRefusedBesideAProductionSetting(String setting, String named) {
    runner
        .withPropertyValues("spring.profiles.active=demo", setting)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure())
              .rootCause()
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("The 'demo' profile creates demo accounts")
              .hasMessageContaining(named)
              .hasMessageContaining("Remove 'demo' from SPRING_PROFILES_ACTIVE");
        });
  }

  @Test
  void anOidcClientGivenAsAnEnvironmentVariableIsFound() {
    runner
        .withPropertyValues("spring.profiles.active=demo")
        .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_INSTITUTION_CLIENTID", "madoguchi"))))
        .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("an OpenID Connect client"));
  }

  @Test
  void everyProductionSettingFoundIsNamed() {
    runner
        .withPropertyValues(
            "spring.profiles.active=demo", "server.servlet.session.cookie.secure=true",
            "madoguchi.portal-url=HTTPS://madoguchi.example.org", "spring.datasource.password=other")
        .run(context -> assertThat(context.getStartupFailure())
            .rootCause()
            .hasMessageContaining("secure session cookies")
            .hasMessageContaining("an https portal address")
            .hasMessageContaining("a production database password"));
  }
}
