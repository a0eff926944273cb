package org.madoguchi.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** An engine command waiting in the outbox until the engine has accepted it. */
@Entity
@Table(name = "workflow_commands")
class WorkflowCommand {

  enum Kind {
    START_PROCESS,
    PUBLISH_MESSAGE
  }

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

  @Column(nullable = false)
  private String variables;

  @Column(name = "case_id")
  private Long caseId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected WorkflowCommand() {}

  private WorkflowCommand(Kind kind, String variables, Long caseId) {
    this.kind = kind;
    this.variables = variables;
    this.caseId = caseId;
    this.createdAt = Instant.now();
    this.nextAttemptAt = createdAt;
  }

  static WorkflowCommand startProcess(String processId, String variables, Long caseId) {
    WorkflowCommand command = new WorkflowCommand(Kind.START_PROCESS, variables, caseId);
    command.processId = processId;
    return command;
  }

  static WorkflowCommand publishMessage(
      String messageName, String correlationKey, String messageId, String variables, Long caseId) {
    WorkflowCommand command = new WorkflowCommand(Kind.PUBLISH_MESSAGE, variables, caseId);
    command.messageName = messageName;
    command.correlationKey = correlationKey;
    command.messageId = messageId;
    return command;
  }

  void markSent() {
    sentAt = Instant.now();
    lastError = null;
  }

  /** Exponential backoff, capped, so an engine outage is ridden out without hammering it. */
  void markFailed(String error) {
    attempts++;
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 2000));
    long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempts, 16));
    nextAttemptAt = Instant.now().plusSeconds(seconds);
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

  String variables() {
    return variables;
  }

  Long caseId() {
    return caseId;
  }

  int attempts() {
    return attempts;
  }

  Instant sentAt() {
    return sentAt;
  }
}
