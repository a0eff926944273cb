package org.madoguchi.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.madoguchi.common.outbox.OutboxQueued;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's way to talk to the engine from a request: commands are written in the caller's
 * transaction and sent once it commits (and retried until the engine accepts them).
 */
@NamedInterface("api")
@Service
public class WorkflowCommands {

  /** Long enough for a reply given a moment before the process subscribes, short enough not to linger. */
  public static final Duration DEFAULT_MESSAGE_TTL = Duration.ofDays(1);

  private final WorkflowCommandRepository repository;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  WorkflowCommands(
      WorkflowCommandRepository repository, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.json = json;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void startProcess(String processId, Map<String, Object> variables, Long caseId) {
    queue(WorkflowCommand.startProcess(processId, write(variables), caseId, clock.instant()));
  }

  /**
   * Queues the case's process start again, with the variables of its latest start: for a start the
   * engine accepted and then lost. If the first instance exists after all, {@code case.register}
   * cancels the new one.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void restartProcess(long caseId) {
    WorkflowCommand latest = repository.findFirstByCaseIdAndKindOrderByIdDesc(caseId, WorkflowCommand.Kind.START_PROCESS)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " was never started"));
    queue(WorkflowCommand.startProcess(latest.processId(), latest.variables(), caseId, clock.instant()));
  }

  /**
   * Publishes a message once the transaction commits. The message id makes a repeated publication
   * harmless; the engine buffers the message (TTL) in case its subscription opens a moment later.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void publishMessage(
      String messageName, String correlationKey, String messageId, Map<String, Object> variables, Long caseId) {
    publishMessage(messageName, correlationKey, messageId, variables, caseId, DEFAULT_MESSAGE_TTL);
  }

  /** As above, buffered for {@code timeToLive}: for a message whose subscription may be closed for a while. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void publishMessage(
      String messageName, String correlationKey, String messageId, Map<String, Object> variables, Long caseId,
      Duration timeToLive) {
    queue(WorkflowCommand.publishMessage(
        messageName, correlationKey, messageId, write(variables), caseId, timeToLive, clock.instant()));
  }

  private void queue(WorkflowCommand command) {
    repository.save(command);
    events.publishEvent(new OutboxQueued(WorkflowCommand.class));
  }

  private String write(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("variables are not serialisable", e);
    }
  }
}
