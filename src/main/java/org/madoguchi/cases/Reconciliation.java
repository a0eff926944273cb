package org.madoguchi.cases;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.audit.CaseEventType;
import org.madoguchi.workflow.EngineCommandLog;
import org.madoguchi.workflow.EngineCommandLog.Trace;
import org.madoguchi.workflow.WorkflowCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds cases whose record and engine state disagree, from what Madoguchi itself recorded (the engine
 * has no query API here), and repairs or flags them. Three rules:
 * <ul>
 *   <li>{@code start-not-run}: a submitted case whose process start the engine accepted more than the
 *       grace ago, yet {@code case.register} never ran: the start is queued again (register links the
 *       first instance it sees and cancels any other, so a start that did run after all costs a
 *       cancelled duplicate, nothing more).
 *   <li>{@code command-dead}: an engine command of the case given up on by the outbox: flagged, until an
 *       operator re-queues it (clearing its {@code dead_at} and {@code attempts}) and it is delivered.
 *   <li>{@code message-not-taken-up}: a message whose buffering (TTL) ended more than the grace ago with
 *       no sign that the process moved on after it was published: no step of the engine recorded on the
 *       case (an event by the system or staff) and no staff task opened since. Each applicant message has
 *       such a next step: a cancellation ends the case ({@code case.cancel}), an information reply
 *       reopens the desk's consultation task, a statement response issues the invoice or reopens the fee
 *       assessment task, a deposit opens the steward's verification task.
 * </ul>
 * A flag shows on the case page and in the case list, leaves one line in the audit trail, and is
 * resolved by the run that finds its disagreement gone.
 */
@NamedInterface("api")
@Service
public class Reconciliation {

  /** An open flag, as the staff console shows it. */
  @NamedInterface("api")
  public record Flag(String rule, String reason, Instant flaggedAt) {}

  static final String START_NOT_RUN = "start-not-run";
  static final String COMMAND_DEAD = "command-dead";
  static final String MESSAGE_NOT_TAKEN_UP = "message-not-taken-up";

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

  /** Actions staff take in the console itself, which say nothing about the process. */
  private static final Set<String> CONSOLE_ACTIONS = Set.of(
      CaseEventType.NOTE_ADDED.code(), CaseEventType.CASE_VIEWED.code(),
      CaseEventType.ENGINE_DISAGREEMENT_FLAGGED.code(), CaseEventType.PROCESS_RESTARTED.code());

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final EngineCommandLog commandLog;
  private final WorkflowCommands workflow;
  private final CaseFile caseFile;
  private final List<ProcessProgress> progress;
  private final ReconciliationProperties settings;
  private final Clock clock;

  Reconciliation(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      EngineCommandLog commandLog,
      WorkflowCommands workflow,
      CaseFile caseFile,
      List<ProcessProgress> progress,
      ReconciliationProperties settings,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.commandLog = commandLog;
    this.workflow = workflow;
    this.caseFile = caseFile;
    this.progress = progress;
    this.settings = settings;
    this.clock = clock;
    Gauge.builder("madoguchi.reconciliation.flagged.cases", this, Reconciliation::flaggedCases)
        .description("Cases with an open reconciliation flag (record and engine disagree)")
        .register(meters);
  }

  /** One pass of every rule; each case is handled in its own short transaction. */
  public void run() {
    Instant now = clock.instant();
    Instant settled = now.minus(settings.grace());
    restartStartsNeverRun(settled);
    flagDeadCommands(now);
    flagMessagesNotTakenUp(settled.minus(settings.lookback()), settled, now);
  }

  /** The case's open flags, oldest first. */
  @Transactional(readOnly = true)
  public List<Flag> openFlags(long caseId) {
    return jdbc.query(
        "select rule, reason, flagged_at from case_flags where case_id = ? and resolved_at is null order by id",
        (row, i) -> new Flag(row.getString("rule"), row.getString("reason"), row.getTimestamp("flagged_at").toInstant()),
        caseId);
  }

  long flaggedCases() {
    return jdbc.queryForObject("select count(distinct case_id) from case_flags where resolved_at is null", Long.class);
  }

  private void restartStartsNeverRun(Instant settled) {
    List<Long> unregistered = jdbc.queryForList(
        "select id from cases where status = 'SUBMITTED' and process_instance_key is null and submitted_at < ?",
        Long.class, Timestamp.from(settled));
    eachCase(START_NOT_RUN, unregistered, caseId -> caseId, caseId ->
        commandLog.latestStart(caseId)
            .filter(start -> start.sentAt() != null && start.sentAt().isBefore(settled))
            .ifPresent(start -> transactions.executeWithoutResult(status -> {
              log.warn("Case {}: its start (command {}) was accepted at {} and never ran; starting it again",
                  caseId, start.commandId(), start.sentAt());
              workflow.restartProcess(caseId);
              caseFile.record(caseId, new CaseEvent.ProcessRestarted(), Actor.system(), "process-restarted:" + start.commandId());
            })));
  }

  private void flagDeadCommands(Instant now) {
    List<Trace> dead = commandLog.deadLetters();
    eachCase(COMMAND_DEAD, dead, Trace::caseId, command ->
        flag(command.caseId(), COMMAND_DEAD, "command:" + command.commandId(),
            "Engine command given up on (" + command.subject() + "): " + command.lastError(), now));
    // Resolved once an operator re-queued the command (it is no longer dead); command ids are unique.
    Set<String> stillDead = dead.stream().map(c -> "command:" + c.commandId()).collect(Collectors.toSet());
    for (Map<String, Object> open : jdbc.queryForList(
        "select id, subject from case_flags where rule = ? and resolved_at is null", COMMAND_DEAD)) {
      if (!stillDead.contains((String) open.get("subject"))) {
        jdbc.update("update case_flags set resolved_at = ? where id = ?", Timestamp.from(now), open.get("id"));
      }
    }
  }

  private void flagMessagesNotTakenUp(Instant from, Instant settled, Instant now) {
    eachCase(MESSAGE_NOT_TAKEN_UP, commandLog.messagesExpiredBetween(from, settled), Trace::caseId, message -> {
      if (!progressedSince(message.caseId(), message.sentAt())) {
        flag(message.caseId(), MESSAGE_NOT_TAKEN_UP, "message:" + message.messageId(),
            "Message " + message.messageName() + " (" + message.messageId() + ") was not taken up by the process within its "
                + message.timeToLive() + " of buffering", now);
      }
    });
  }

  private boolean progressedSince(long caseId, Instant since) {
    List<Object> arguments = new ArrayList<>(List.of(caseId, Timestamp.from(since)));
    arguments.addAll(CONSOLE_ACTIONS);
    Integer steps = jdbc.queryForObject(
        "select count(*) from case_events where case_id = ? and occurred_at >= ?"
            + " and (actor = 'system' or actor like 'staff:%') and action not in (?, ?, ?, ?)",
        Integer.class, arguments.toArray());
    return steps > 0 || progress.stream().anyMatch(p -> p.progressedSince(caseId, since));
  }

  /** Applies a rule to each item; one that fails (e.g. a lock wait) is logged and tried again next run. */
  private static <T> void eachCase(String rule, List<T> items, Function<T, Long> caseOf, Consumer<T> check) {
    for (T item : items) {
      try {
        check.accept(item);
      } catch (RuntimeException e) {
        log.warn("Reconciliation rule {} failed on case {}; tried again next run", rule, caseOf.apply(item), e);
      }
    }
  }

  /** Flags the disagreement once (a repeat finds its row) and records it in the case's trail. */
  private void flag(long caseId, String rule, String subject, String reason, Instant now) {
    String shortReason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    transactions.executeWithoutResult(status -> {
      int added = jdbc.update(
          "insert ignore into case_flags (case_id, rule, subject, reason, flagged_at) values (?, ?, ?, ?, ?)",
          caseId, rule, subject, shortReason, Timestamp.from(now));
      if (added == 1) {
        log.warn("Case {} flagged ({}): {}", caseId, rule, shortReason);
        caseFile.record(caseId, new CaseEvent.EngineDisagreementFlagged(shortReason), Actor.system(), null);
      }
    });
  }
}
