package org.madoguchi.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin console's settings ({@code madoguchi.admin.*}).
 *
 * @param engineVersion the engine models are deployed to, whose feature set uploads are validated against
 * @param deployTimeout how long a deployment or a migration may take the engine before it counts as failed
 * @param operate Operate's REST API, which counts the running instances on a Camunda 8.6 stack (8.8 has the engine's own search)
 */
@ConfigurationProperties("madoguchi.admin")
public record AdminProperties(
    @DefaultValue("CAMUNDA_8_8") EngineVersion engineVersion,
    @DefaultValue("PT60S") Duration deployTimeout,
    @DefaultValue Operate operate) {

  /** Operate's base URL (the one its {@code /api/login} and {@code /v1/...} paths hang off), its user and timeouts. */
  public record Operate(
      @DefaultValue("http://localhost:8081") String url,
      @DefaultValue("demo") String username,
      @DefaultValue("demo") String password,
      @DefaultValue("PT5S") Duration connectTimeout,
      @DefaultValue("PT15S") Duration readTimeout) {}
}
