package org.madoguchi;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Facility-wide settings an operator sets per installation. */
@ConfigurationProperties("madoguchi")
public record MadoguchiProperties(
    String caseNumberPrefix,
    ZoneId timeZone,
    String deskAddress,
    String mailFrom,
    String portalUrl,
    Sla sla,
    String tasklistUrl,
    String operateUrl,
    Oidc oidc) {

  public record Sla(Duration consultation, Duration consultationFastTrack) {}

  /** {@code groupsClaim}: the ID token claim that lists the person's staff groups (as Camunda reads them). */
  public record Oidc(String groupsClaim) {}
}
