package org.madoguchi.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code count(*)} of every table of the application's schema, but the tables that work in the background
 * changes while requests are refused (each named with why). A refused request must leave every other
 * count as it was.
 */
final class TableCounts {

  /**
   * Table -> why its count may change without any request being accepted. Names compare ignoring case:
   * Spring Session's tables are upper case.
   */
  static final Map<String, String> BACKGROUND =
      Map.of(
          "scheduled_runs", "leases of scheduled work (digest, overdue sweep), taken on a timer",
          "staff_task_reminders", "the overdue sweep records reminders on a timer",
          "spring_session", "HTTP sessions of the generator's own sign-ins and visits (sessions are stored in MariaDB)",
          "spring_session_attributes", "the attributes of those sessions (security context, CSRF token)",
          "flyway_schema_history", "migrations, not requests");

  private final String url;
  private final String user;
  private final String password;

  TableCounts(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** The database of the application's own environment variables, as application.yml reads them. */
  static TableCounts fromEnvironment() {
    return new TableCounts(
        System.getenv().getOrDefault("MADOGUCHI_DB_URL", "jdbc:mariadb://127.0.0.1:3306/madoguchi"),
        System.getenv().getOrDefault("MADOGUCHI_DB_USER", "madoguchi"),
        System.getenv().getOrDefault("MADOGUCHI_DB_PASSWORD", "madoguchi"));
  }

  static boolean isBackground(String table) {
    return BACKGROUND.keySet().stream().anyMatch(table::equalsIgnoreCase);
  }

  Map<String, Long> count() {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "select table_name from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        if (!isBackground(table)) {
          try (ResultSet rows = statement.executeQuery("select count(*) from `" + table + "`")) {
            rows.next();
            counts.put(table, rows.getLong(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count rows at " + url, e);
    }
    return counts;
  }

  /** Counts once nothing has changed for {@code quiet} consecutive reads (work still running from the setup). */
  Map<String, Long> settled(int quiet, long pauseMillis, int maxReads) throws InterruptedException {
    Map<String, Long> last = count();
    int same = 0;
    for (int read = 0; read < maxReads && same < quiet; read++) {
      Thread.sleep(pauseMillis);
      Map<String, Long> now = count();
      same = now.equals(last) ? same + 1 : 0;
      last = now;
    }
    return last;
  }

  /** Table -> rows added (or removed) between two counts; only tables that changed. */
  static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> changed = new TreeMap<>();
    after.forEach((table, count) -> {
      long delta = count - before.getOrDefault(table, 0L);
      if (delta != 0) {
        changed.put(table, delta);
      }
    });
    return changed;
  }
}
