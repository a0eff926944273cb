package org.madoguchi.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the real infrastructure before the Spring context (MariaDB per {@link TestDatabase}, the
 * in-memory Zeebe engine, GreenMail) and points Madoguchi at it.
 */
public class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-infrastructure", properties()));
  }

  public static Map<String, Object> properties() {
    TestDatabase database = TestDatabase.get();
    EmbeddedZeebe zeebe = EmbeddedZeebe.start();
    GreenMail smtp = EmbeddedSmtp.start();
    return Map.of(
        "spring.datasource.url", database.url(),
        "spring.datasource.username", database.username(),
        "spring.datasource.password", database.password(),
        "camunda.client.grpc-address", zeebe.grpcAddress(),
        "camunda.client.prefer-rest-over-grpc", "false",
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
  }
}
