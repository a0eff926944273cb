package org.madoguchi.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Madoguchi's MariaDB as the suite reads it: which cases a scenario made and where they stand, the
 * datasets waiting for a deposit, the two outboxes and the bookings. Read only; a connection per
 * query, with short timeouts, because the database is one of the things the suite stops.
 */
final class Database {

  /** A case as the database has it. */
  record Case(long id, String number, String status, Long instanceKey, String email) {
    boolean ended() {
      return List.of("CLOSED", "DECLINED", "EXPIRED", "CANCELLED").contains(status);
    }
  }

  /** An entry of a case's audit trail. */
  record Event(java.time.Instant at, String actor, String action) {}

  /** An outbox row of a scenario's cases: delivered ({@code sent}), given up ({@code dead}) or still due. */
  record OutboxRow(long id, boolean sent, boolean dead) {}

  private final String url;

  Database(String jdbcUrl) {
    this.url = jdbcUrl + "?connectTimeout=5000&socketTimeout=20000";
  }

  private interface Rows<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> List<T> query(String sql, Rows<T> row, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(url, "madoguchi", "madoguchi");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<T> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(row.read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new Apis.Unavailable("MariaDB: " + e.getMessage());
    }
  }

  /** The cases whose title starts with the scenario's tag. */
  List<Case> cases(String tag) {
    return query("select id, case_number, status, process_instance_key, email from cases where title like ? order by id",
        rows -> new Case(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getObject(4, Long.class), rows.getString(5)), tag + "%");
  }

  /** The case's audit trail, oldest first. */
  List<Event> events(String caseNumber) {
    return query("select e.occurred_at, e.actor, e.action from case_events e join cases c on c.id = e.case_id where c.case_number = ?"
        + " order by e.occurred_at, e.id", rows -> new Event(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3)), caseNumber);
  }

  List<Long> datasetsAwaitingDeposit(long caseId) {
    return query("select id from datasets where case_id = ? and status in ('AWAITING_DEPOSIT', 'SENT_BACK') order by id",
        rows -> rows.getLong(1), caseId);
  }

  /** Outbox entries (mail and engine commands, of any case) neither delivered nor given up. */
  long outboxDue() {
    return query("select (select count(*) from mail_outbox where sent_at is null and dead_at is null)"
        + " + (select count(*) from workflow_commands where sent_at is null and dead_at is null)", rows -> rows.getLong(1)).getFirst();
  }

  List<OutboxRow> mails(String tag) {
    return outbox("mail_outbox", tag);
  }

  List<OutboxRow> commands(String tag) {
    return outbox("workflow_commands", tag);
  }

  private List<OutboxRow> outbox(String table, String tag) {
    return query("select o.id, o.sent_at is not null, o.dead_at is not null from " + table + " o join cases c on c.id = o.case_id"
        + " where c.title like ? order by o.id", rows -> new OutboxRow(rows.getLong(1), rows.getBoolean(2), rows.getBoolean(3)), tag + "%");
  }

  /** Engine commands written more than once for one case (the same start, or the same message id). */
  List<String> duplicatedCommands(String tag) {
    return query("select concat(c.case_number, ' ', w.kind, ' ', coalesce(w.message_id, w.process_id), ' x', count(*))"
        + " from workflow_commands w join cases c on c.id = w.case_id where c.title like ?"
        + " group by c.case_number, w.kind, coalesce(w.message_id, w.process_id) having count(*) > 1", rows -> rows.getString(1), tag + "%");
  }

  /** Pairs of live bookings of one instrument whose times overlap (whatever case or scenario made them). */
  List<String> overlappingBookings() {
    return query("select concat('bookings ', a.id, ' and ', b.id, ' on instrument ', a.instrument_id) from bookings a"
        + " join bookings b on a.instrument_id = b.instrument_id and a.id < b.id"
        + " and a.slot_start < b.slot_end and b.slot_start < a.slot_end"
        + " where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'", rows -> rows.getString(1));
  }
}
