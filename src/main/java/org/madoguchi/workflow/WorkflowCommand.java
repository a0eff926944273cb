package org.madoguchi.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.madoguchi.common.outbox.Delivery;

/** An engine command waiting in the outbox until the engine has accepted it. */
@Entity
@Table(name = "workflow_commands")
class WorkflowCommand {

  enum Kind {
    START_PROCESS,
    PUBLISH_MESSAGE
  }

  private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

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

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Embedded private Delivery delivery;

  protected WorkflowCommand() {}

  private WorkflowCommand(Kind kind, String variables, Long caseId) {
    this.kind = kind;
    this.variables = variables;
    this.caseId = caseId;
    this.createdAt = Instant.now();
    this.delivery = Delivery.dueAt(createdAt);
  }

  static WorkflowCommand startProcess(String processId, String variables, Long caseId) {
    WorkflowCommand command = new WorkflowCommand(Kind.START_PROCESS, variables, caseId);
    command.processId = processId;
    return command;
  }

  static WorkflowCommand publishMessage(
      String messageName, String correlationKey, String messageId, String variables, Long caseId, Duration timeToLive) {
    WorkflowCommand command = new WorkflowCommand(Kind.PUBLISH_MESSAGE, variables, caseId);
    command.messageName = messageName;
    command.correlationKey = correlationKey;
    command.messageId = messageId;
    command.ttlSeconds = timeToLive.toSeconds();
    return command;
  }

  void markSent() {
    delivery.sent(Instant.now());
  }

  /** Retries from 2 s, doubling, up to 5 minutes: an engine outage is ridden out without hammering it. */
  void markFailed(String error) {
    delivery.failed(error, Instant.now(), FIRST_RETRY, MAX_BACKOFF);
  }

  Long id() {
    return id;
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

  int attempts() {
    return delivery.attempts();
  }
}
