package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway V241 on items recorded before usage dates: each gets the facility-local (Tokyo) day its booking
 * started, which differs from the UTC day for a session starting after midnight in Tokyo. The column is
 * made nullable for the test, as it was between V240 and V242, and required again after it.
 */
@MadoguchiIT
class UsageDateBackfillIT {

  @Autowired UsageDateBackfill backfill;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;

  @Test
  void itemsWithoutADateGetTheFacilityLocalDayOfTheirSessionOrBooking() throws Exception {
    String email = "backfill-" + System.nanoTime() + "@lab.example.ac.jp";
    accounts.ensure(email, "backfill-password", "Backfill Tester", "en", Set.of(Role.APPLICANT));
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    long caseId = fixtures.file(email, "IN_SUPPORT", "academic", "open");
    long record = fixtures.usageRecord(caseId, fixtures.cryoEmInstrument());
    fixtures.usageItem(record, 1, "instrument-upkeep", "Krios G4", "2.5", 41_000);
    long booking = jdbc.queryForObject("select booking_id from usage_records where id = ?", Long.class, record);
    // Stored as UTC: 2026-12-01 15:30 UTC is 2026-12-02 00:30 in Tokyo.
    LocalDateTime start = LocalDateTime.of(2026, 12, 1, 15, 30);
    jdbc.update("update bookings set slot_start = ?, slot_end = ? where id = ?", start, start.plusHours(3), booking);
    long noShowBooking = noShowOf(booking, LocalDateTime.of(2027, 3, 31, 14, 0));

    jdbc.execute("alter table usage_items modify used_on date null");
    try {
      jdbc.update("update usage_items set used_on = null where usage_record_id = ? or booking_id = ?", record, noShowBooking);
      try (Connection connection = dataSource.getConnection()) {
        backfill.migrate(context(connection));
      }
    } finally {
      jdbc.execute("alter table usage_items modify used_on date not null");
    }

    assertThat(jdbc.queryForObject("select used_on from usage_items where usage_record_id = ?", LocalDate.class, record))
        .isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(jdbc.queryForObject("select used_on from usage_items where booking_id = ?", LocalDate.class, noShowBooking))
        .isEqualTo(LocalDate.of(2027, 3, 31));
  }

  /** A no-show booking of the same case and instrument starting at {@code start} (UTC), with its charged line. */
  private long noShowOf(long booking, LocalDateTime start) {
    long key = CaseFixtures.uniqueId();
    jdbc.update(
        "insert into bookings (case_id, unit_code, instrument_id, process_instance_key, element_instance_key, requested_hours,"
            + " slot_start, slot_end, status, created_at, updated_at)"
            + " select case_id, unit_code, instrument_id, ?, ?, 1, ?, ?, 'NO_SHOW', created_at, updated_at from bookings where id = ?",
        key, key, start, start.plusHours(1), booking);
    long noShow = jdbc.queryForObject("select id from bookings where element_instance_key = ?", Long.class, key);
    jdbc.update(
        "insert into usage_items (booking_id, line_no, case_id, unit_code, instrument_class, item_kind, description, quantity,"
            + " unit_cost_yen, used_on) select id, 1, case_id, unit_code, 'cryo-em', 'no-show', 'Krios G4', 1, 41000, ?"
            + " from bookings where id = ?",
        CaseFixtures.USED_ON, noShow);
    return noShow;
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
