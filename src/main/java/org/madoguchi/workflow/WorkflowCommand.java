package org.madoguchi.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.madoguchi.common.outbox.Backoff;
import org.madoguchi.common.outbox.OutboxEntry;

/** An engine command waiting in the outbox until the engine has accepted it. */
@Entity
@Table(name = "workflow_commands")
class WorkflowCommand extends OutboxEntry {

  enum Kind {
    START_PROCESS,
    PUBLISH_MESSAGE
  }

  /** From 2 s, doubling, up to 5 minutes: an engine outage is ridden out without hammering it. */
  private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "process_id")
  private String processId;

  @Column(name = "message_name")
  private String messageName;

  @Column(name = "correlation_key")
  private String correlationKey;

  @Column(name = "message_id")
  private String messageId;

  @Column(name = "ttl_seconds")
  private Long ttlSeconds;

  @Column(nullable = false)
  private String variables;

  @Column(name = "case_id")
  private Long caseId;

  protected WorkflowCommand() {}

  private WorkflowCommand(Kind kind, String variables, Long caseId, Instant now) {
    super(now);
    this.kind = kind;
    this.variables = variables;
    this.caseId = caseId;
  }

  static WorkflowCommand startProcess(String processId, String variables, Long caseId, Instant now) {
    WorkflowCommand command = new WorkflowCommand(Kind.START_PROCESS, variables, caseId, now);
    command.processId = processId;
    return command;
  }

  static WorkflowCommand publishMessage(
      String messageName, String correlationKey, String messageId, String variables, Long caseId, Duration timeToLive,
      Instant now) {
    WorkflowCommand command = new WorkflowCommand(Kind.PUBLISH_MESSAGE, variables, caseId, now);
    command.messageName = messageName;
    command.correlationKey = correlationKey;
    command.messageId = messageId;
    command.ttlSeconds = timeToLive.toSeconds();
    return command;
  }

  @Override
  protected Backoff backoff() {
    return BACKOFF;
  }

  Kind kind() {
    return kind;
  }

  String processId() {
    return processId;
  }

  String messageName() {
    return messageName;
  }

  String correlationKey() {
    return correlationKey;
  }

  String messageId() {
    return messageId;
  }

  Duration timeToLive() {
    return Duration.ofSeconds(ttlSeconds);
  }

  String variables() {
    return variables;
  }
}
