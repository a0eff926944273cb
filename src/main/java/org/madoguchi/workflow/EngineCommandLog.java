package org.madoguchi.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the engine command outbox knows of a case's commands, for the reconciliation of cases with the
 * engine (which has no query API of its own here): which were delivered when, which were given up on.
 */
@NamedInterface("api")
@Service
public class EngineCommandLog {

  /** One command of a case: a process start ({@code messageName} null) or a message. */
  @NamedInterface("api")
  public record Trace(
      long commandId, long caseId, String processId, String messageName, String messageId, Instant sentAt,
      Instant deadAt, String lastError, Duration timeToLive) {

    public String subject() {
      return messageName != null ? messageName + " " + messageId : "start " + processId;
    }
  }

  private static final String COLUMNS =
      "id, case_id, process_id, message_name, message_id, sent_at, dead_at, last_error, ttl_seconds";

  private final JdbcTemplate jdbc;

  EngineCommandLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Commands of a case given up on after the outbox's last attempt, oldest first. */
  @Transactional(readOnly = true)
  public List<Trace> deadLetters() {
    return jdbc.query(
        "select " + COLUMNS + " from workflow_commands where dead_at is not null and case_id is not null order by id",
        EngineCommandLog::trace);
  }

  /** The case's latest process start, delivered or not. */
  @Transactional(readOnly = true)
  public Optional<Trace> latestStart(long caseId) {
    return jdbc.query(
            "select " + COLUMNS + " from workflow_commands where case_id = ? and kind = 'START_PROCESS' order by id desc limit 1",
            EngineCommandLog::trace, caseId)
        .stream()
        .findFirst();
  }

  /** Messages for a case whose buffering in the engine (their TTL) ended within [from, to). */
  @Transactional(readOnly = true)
  public List<Trace> messagesExpiredBetween(Instant from, Instant to) {
    return jdbc.query(
        "select " + COLUMNS + " from workflow_commands where kind = 'PUBLISH_MESSAGE' and case_id is not null"
            + " and sent_at is not null and date_add(sent_at, interval ttl_seconds second) >= ?"
            + " and date_add(sent_at, interval ttl_seconds second) < ? order by id",
        EngineCommandLog::trace, Timestamp.from(from), Timestamp.from(to));
  }

  private static Trace trace(ResultSet row, int index) throws SQLException {
    Timestamp sent = row.getTimestamp("sent_at");
    Timestamp dead = row.getTimestamp("dead_at");
    long ttl = row.getLong("ttl_seconds");
    return new Trace(
        row.getLong("id"), row.getLong("case_id"), row.getString("process_id"), row.getString("message_name"),
        row.getString("message_id"), sent == null ? null : sent.toInstant(), dead == null ? null : dead.toInstant(),
        row.getString("last_error"), row.wasNull() ? null : Duration.ofSeconds(ttl));
  }
}
