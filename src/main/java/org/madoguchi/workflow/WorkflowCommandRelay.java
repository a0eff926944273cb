package org.madoguchi.workflow;

import io.camunda.client.CamundaClient;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** Sends outbox commands to the engine: right after the commit that queued them, and on a sweep. */
@Component
class WorkflowCommandRelay {

  private static final Logger log = LoggerFactory.getLogger(WorkflowCommandRelay.class);
  private static final int BATCH = 50;

  private final WorkflowCommandRepository repository;
  private final CamundaClient client;
  private final TransactionTemplate transactions;

  WorkflowCommandRelay(WorkflowCommandRepository repository, CamundaClient client, TransactionTemplate transactions) {
    this.repository = repository;
    this.client = client;
    this.transactions = transactions;
  }

  @Async
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onQueued(WorkflowCommandQueued event) {
    relayDue();
  }

  @Scheduled(fixedDelayString = "${madoguchi.workflow.relay-interval:PT2S}")
  void sweep() {
    relayDue();
  }

  /** Sends due commands in batches; each batch holds its row locks only while it sends. */
  int relayDue() {
    int sent = 0;
    Integer batch;
    do {
      batch = transactions.execute(status -> sendBatch());
      sent += batch == null ? 0 : batch;
    } while (batch != null && batch == BATCH);
    return sent;
  }

  private int sendBatch() {
    List<WorkflowCommand> due = repository.claimDue(Instant.now(), Limit.of(BATCH));
    for (WorkflowCommand command : due) {
      try {
        send(command);
        command.markSent();
      } catch (RuntimeException e) {
        command.markFailed(e.getMessage());
        log.warn("Engine command {} ({}) failed, attempt {}: {}", command.id(), command.kind(), command.attempts(), e.getMessage());
      }
    }
    return due.size();
  }

  private void send(WorkflowCommand command) {
    switch (command.kind()) {
      case START_PROCESS ->
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(command.processId())
              .latestVersion()
              .variables(command.variables())
              .send()
              .join();
      case PUBLISH_MESSAGE ->
          client
              .newPublishMessageCommand()
              .messageName(command.messageName())
              .correlationKey(command.correlationKey())
              .messageId(command.messageId())
              .timeToLive(command.timeToLive())
              .variables(command.variables())
              .send()
              .join();
    }
  }
}
