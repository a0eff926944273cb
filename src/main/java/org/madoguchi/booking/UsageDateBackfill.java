package org.madoguchi.booking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.madoguchi.MadoguchiProperties;
import org.springframework.stereotype.Component;

/**
 * Flyway V241: the day of service of the usage items recorded before V240, from their booking's start in
 * the facility's time zone ({@code madoguchi.time-zone}), which SQL alone does not know. Spring Boot hands
 * this bean to Flyway.
 */
@Component
class UsageDateBackfill implements JavaMigration {

  private static final String ITEMS_WITHOUT_DATE =
      "select u.id, b.slot_start from usage_items u"
          + " left join usage_records r on r.id = u.usage_record_id"
          + " join bookings b on b.id = coalesce(u.booking_id, r.booking_id)"
          + " where u.used_on is null";

  private final ZoneId zone;

  UsageDateBackfill(MadoguchiProperties facility) {
    this.zone = facility.timeZone();
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("241");
  }

  @Override
  public String getDescription() {
    return "usage dates backfill";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement select = connection.prepareStatement(ITEMS_WITHOUT_DATE);
        PreparedStatement update = connection.prepareStatement("update usage_items set used_on = ? where id = ?");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        // Stored in UTC (hibernate.jdbc.time_zone), read back as written.
        LocalDateTime start = rows.getObject("slot_start", LocalDateTime.class);
        LocalDate day = start.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
        update.setObject(1, day);
        update.setLong(2, rows.getLong("id"));
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}
