package org.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is production-safe: Madoguchi runs without the local or demo profile, Camunda's
 * APIs need credentials, and only the web entry points are published, on the loopback address unless
 * the operator says otherwise; the database, Elasticsearch, the engine's gRPC port and the mail
 * sink's SMTP port stay inside the compose network.
 */
class ComposeFileTest {

  private static final String LOOPBACK_BY_DEFAULT = "${HOST_BIND_ADDRESS:-127.0.0.1}:";

  @Test
  void madoguchiRunsWithoutTheLocalOrDemoProfile() throws Exception {
    String profiles = String.valueOf(environment("madoguchi").get("SPRING_PROFILES_ACTIVE"));
    assertThat(profiles).doesNotContain("local").doesNotContain("demo");
    assertThat(String.valueOf(environment("madoguchi").get("MADOGUCHI_SECURE_COOKIES"))).contains("true");
  }

  @Test
  void camundaApisNeedCredentials() throws Exception {
    Map<String, Object> camunda = environment("camunda");
    assertThat(camunda.get("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI")).isEqualTo("false");
    assertThat(camunda.get("CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED")).isEqualTo("true");
    assertThat(String.valueOf(camunda.get("CAMUNDA_SECURITY_INITIALIZATION_USERS_0_PASSWORD")))
        .as("no default administrator password").contains(":?");
  }

  @Test
  void onlyWebEntryPointsArePublishedAndOnLoopbackByDefault() throws Exception {
    Map<String, Map<String, Object>> services = services();
    for (String internal : List.of("mariadb", "elasticsearch")) {
      assertThat(services.get(internal)).as(internal).doesNotContainKey("ports");
    }
    services.forEach((name, service) -> {
      @SuppressWarnings("unchecked")
      List<String> ports = (List<String>) service.getOrDefault("ports", List.of());
      for (String port : ports) {
        assertThat(port.startsWith("127.0.0.1:") || port.startsWith(LOOPBACK_BY_DEFAULT))
            .as("%s publishes %s beyond loopback", name, port).isTrue();
        assertThat(port).as("%s publishes a port that must stay inside the network", name)
            .doesNotEndWith(":26500").doesNotEndWith(":9600").doesNotEndWith(":1025").doesNotEndWith(":3306")
            .doesNotEndWith(":9200");
      }
    });
  }

  private static Map<String, Object> environment(String service) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> environment = (Map<String, Object>) services().get(service).get("environment");
    return environment;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws Exception {
    try (Reader compose = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
      Map<String, Object> file = new Yaml().load(compose);
      return (Map<String, Map<String, Object>>) file.get("services");
    }
  }
}
