package org.madoguchi.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.madoguchi.MadoguchiProperties;
import org.springframework.stereotype.Component;

/** Dates on the portal's pages, in the facility's time zone (Asia/Tokyo by default); used from templates as {@code @portalFormat}. */
@Component("portalFormat")
class PortalFormat {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ZoneId zone;

  PortalFormat(MadoguchiProperties properties) {
    this.zone = properties.timeZone() == null ? ZoneId.of("Asia/Tokyo") : properties.timeZone();
  }

  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant.atZone(zone));
  }

  public String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  public String zoneLabel() {
    return zone.getId();
  }
}
