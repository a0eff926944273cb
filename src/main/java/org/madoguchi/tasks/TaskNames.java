package org.madoguchi.tasks;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The names of the user tasks in the models the application deploys. A listener job tells the element
 * id but not its name, which is what Tasklist lists and what people recognise.
 */
@Component
class TaskNames {

  private final Map<String, String> names = new HashMap<>();

  TaskNames() {
    try {
      for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:/models/*.bpmn")) {
        try (InputStream in = model.getInputStream()) {
          read(Bpmn.readModelFromStream(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the process models", e);
    }
  }

  /** The task's name in the model, or its element id when it has none (or the model is unknown). */
  String of(String processId, String elementId) {
    return names.getOrDefault(processId + "/" + elementId, elementId);
  }

  private void read(BpmnModelInstance model) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Process process = parentProcess(task);
      if (task.getName() != null && !task.getName().isBlank()) {
        names.put(process.getId() + "/" + task.getId(), task.getName());
      }
    }
  }

  private static Process parentProcess(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (!(parent instanceof Process process)) {
      parent = parent.getParentElement();
    }
    return process;
  }
}
