package org.madoguchi.admin;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BpmnModelElementInstance;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an upload changes against what is deployed: per file, new, changed or unchanged; for a changed
 * process, the elements added, removed and renamed (same id, new name) and the job types, forms, timers
 * and messages that differ. Reads validated files only.
 */
public final class ModelDiff {

  public enum FileStatus { NEW, CHANGED, UNCHANGED }

  public enum Aspect { ADDED, REMOVED, RENAMED, JOB_TYPE, FORM, TIMER, MESSAGE }

  /** One difference; {@code before} or {@code after} is null where there is nothing on that side. */
  public record Change(Aspect aspect, String elementId, String before, String after) {}

  public record FileDiff(String file, FileStatus status, List<Change> changes) {}

  /** What the diff reads of one flow node. */
  private record Node(String type, String name, String jobType, String form, String timer, String message) {}

  private ModelDiff() {}

  public static List<FileDiff> of(List<ModelFile> upload, List<ModelFile> deployed) {
    return upload.stream().map(file -> of(file, deployed.stream().filter(d -> d.name().equals(file.name())).findFirst())).toList();
  }

  static FileDiff of(ModelFile file, Optional<ModelFile> deployed) {
    if (deployed.isEmpty()) {
      return new FileDiff(file.name(), FileStatus.NEW, List.of());
    }
    if (Arrays.equals(file.content(), deployed.get().content())) {
      return new FileDiff(file.name(), FileStatus.UNCHANGED, List.of());
    }
    List<Change> changes = ResourceKind.of(file.name()).orElse(null) == ResourceKind.PROCESS
        ? changes(nodes(deployed.get()), nodes(file))
        : List.of();
    return new FileDiff(file.name(), FileStatus.CHANGED, changes);
  }

  private static List<Change> changes(Map<String, Node> before, Map<String, Node> after) {
    List<Change> changes = new ArrayList<>();
    after.forEach((id, node) -> {
      if (!before.containsKey(id)) {
        changes.add(new Change(Aspect.ADDED, id, null, describe(node)));
      }
    });
    before.forEach((id, node) -> {
      if (!after.containsKey(id)) {
        changes.add(new Change(Aspect.REMOVED, id, describe(node), null));
      }
    });
    before.forEach((id, old) -> {
      Node now = after.get(id);
      if (now == null) {
        return;
      }
      compare(changes, Aspect.RENAMED, id, old, now, Node::name);
      compare(changes, Aspect.JOB_TYPE, id, old, now, Node::jobType);
      compare(changes, Aspect.FORM, id, old, now, Node::form);
      compare(changes, Aspect.TIMER, id, old, now, Node::timer);
      compare(changes, Aspect.MESSAGE, id, old, now, Node::message);
    });
    // Added and removed elements also add or drop their job type, form, timer or message.
    after.forEach((id, node) -> {
      if (!before.containsKey(id)) {
        addedOrRemoved(changes, id, null, node);
      }
    });
    before.forEach((id, node) -> {
      if (!after.containsKey(id)) {
        addedOrRemoved(changes, id, node, null);
      }
    });
    return changes;
  }

  private static void addedOrRemoved(List<Change> changes, String id, Node old, Node now) {
    Node empty = new Node(null, null, null, null, null, null);
    Node before = old == null ? empty : old;
    Node after = now == null ? empty : now;
    compare(changes, Aspect.JOB_TYPE, id, before, after, Node::jobType);
    compare(changes, Aspect.FORM, id, before, after, Node::form);
    compare(changes, Aspect.TIMER, id, before, after, Node::timer);
    compare(changes, Aspect.MESSAGE, id, before, after, Node::message);
  }

  private static void compare(List<Change> changes, Aspect aspect, String id, Node old, Node now, Function<Node, String> read) {
    if (!Objects.equals(read.apply(old), read.apply(now))) {
      changes.add(new Change(aspect, id, read.apply(old), read.apply(now)));
    }
  }

  private static String describe(Node node) {
    return node.name() == null ? node.type() : node.type() + " \"" + node.name() + "\"";
  }

  /** Every flow node of the file's processes by id. */
  static Map<String, Node> nodes(ModelFile file) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      nodes.put(node.getId(), new Node(
          node.getElementType().getTypeName(), node.getName(),
          extension(node, ZeebeTaskDefinition.class).map(ZeebeTaskDefinition::getType).orElse(null),
          extension(node, ZeebeFormDefinition.class).map(f -> f.getFormId() != null ? f.getFormId() : f.getFormKey()).orElse(null),
          timer(eventDefinitions(node)), message(node)));
    }
    return nodes;
  }

  private static <T extends BpmnModelElementInstance> Optional<T> extension(FlowNode node, Class<T> type) {
    return Optional.ofNullable(node.getSingleExtensionElement(type));
  }

  private static Collection<EventDefinition> eventDefinitions(FlowNode node) {
    if (node instanceof CatchEvent catchEvent) {
      return catchEvent.getEventDefinitions();
    }
    if (node instanceof ThrowEvent throwEvent) {
      return throwEvent.getEventDefinitions();
    }
    return List.of();
  }

  private static String timer(Collection<EventDefinition> definitions) {
    for (EventDefinition definition : definitions) {
      if (definition instanceof TimerEventDefinition timer) {
        if (timer.getTimeDuration() != null) {
          return "duration " + timer.getTimeDuration().getTextContent().strip();
        }
        if (timer.getTimeCycle() != null) {
          return "cycle " + timer.getTimeCycle().getTextContent().strip();
        }
        if (timer.getTimeDate() != null) {
          return "date " + timer.getTimeDate().getTextContent().strip();
        }
      }
    }
    return null;
  }

  private static String message(FlowNode node) {
    Message message = node instanceof ReceiveTask receive ? receive.getMessage() : null;
    for (EventDefinition definition : eventDefinitions(node)) {
      if (definition instanceof MessageEventDefinition m) {
        message = m.getMessage();
      }
    }
    if (message == null) {
      return null;
    }
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    return message.getName() + (subscription == null || subscription.getCorrelationKey() == null ? "" : " (" + subscription.getCorrelationKey() + ")");
  }
}
