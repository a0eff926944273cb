package org.madoguchi.workflow;

import io.camunda.client.CamundaClient;
import org.madoguchi.common.outbox.Courier;
import org.springframework.stereotype.Component;

/**
 * Sends outbox commands to the engine. A repeated message is ignored by its message id; a repeated
 * start is detected by {@code case.register}, which cancels the duplicate instance.
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
