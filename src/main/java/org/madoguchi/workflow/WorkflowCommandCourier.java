package org.madoguchi.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import org.madoguchi.common.outbox.Courier;
import org.springframework.stereotype.Component;

/**
 * Sends outbox commands to the engine. A repeated message is refused by its message id while the first
 * is still buffered ({@code ALREADY_EXISTS}): the engine holds it, so that counts as delivered. A
 * repeated start is detected by {@code case.register}, which cancels the duplicate instance.
 */
@Component
class WorkflowCommandCourier implements Courier<WorkflowCommand> {

  private final CamundaClient client;

  WorkflowCommandCourier(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Class<WorkflowCommand> entryType() {
    return WorkflowCommand.class;
  }

  @Override
  public void deliver(WorkflowCommand command) {
    switch (command.kind()) {
      case START_PROCESS ->
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(command.processId())
              .latestVersion()
              .variables(command.variables())
              .send()
              .join();
      case PUBLISH_MESSAGE -> publish(command);
    }
  }

  private void publish(WorkflowCommand command) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(command.messageName())
          .correlationKey(command.correlationKey())
          .messageId(command.messageId())
          .timeToLive(command.timeToLive())
          .variables(command.variables())
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
