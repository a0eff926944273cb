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
    Sla sla) {

  public record Sla(Duration consultation, Duration consultationFastTrack) {}
}
