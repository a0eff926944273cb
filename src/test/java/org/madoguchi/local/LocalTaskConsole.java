package org.madoguchi.local;

import java.util.List;
import java.util.Map;
import org.madoguchi.testsupport.EmbeddedZeebe;
import org.madoguchi.workflow.inmemory.InMemoryZeebe.OpenUserTask;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for Tasklist in the embedded local run, which has no Tasklist: lists the open staff tasks
 * with their case and completes one with the values its form would send. Local profile only, on the
 * test classpath only: never part of the application jar.
 */
@RestController
@Profile("local")
class LocalTaskConsole {

  record TaskView(
      long key, String caseNumber, String caseTitle, String task, String formKey, List<String> candidateGroups, String dueDate, int priority) {}

  private final JdbcTemplate jdbc;
  private final ProcessDriver engine = ProcessDriver.onEmbeddedEngine();

  LocalTaskConsole(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/local/tasks")
  List<TaskView> openTasks() {
    return EmbeddedZeebe.start().openUserTasks().stream().map(this::view).toList();
  }

  @PostMapping("/local/tasks/{key}/completion")
  ResponseEntity<Void> complete(@PathVariable long key, @RequestBody Map<String, Object> formValues) {
    OpenUserTask task =
        EmbeddedZeebe.start().openUserTasks().stream().filter(t -> t.key() == key).findFirst().orElse(null);
    if (task == null) {
      return ResponseEntity.notFound().build();
    }
    engine.complete(task, formValues);
    return ResponseEntity.noContent().build();
  }

  private TaskView view(OpenUserTask task) {
    long root = engine.rootInstance(task.processInstanceKey());
    Map<String, Object> caseRow =
        jdbc.queryForList("select case_number, title from cases where process_instance_key = ?", root).stream()
            .findFirst()
            .orElse(Map.of("case_number", "?", "title", "?"));
    return new TaskView(
        task.key(), (String) caseRow.get("case_number"), (String) caseRow.get("title"), task.elementId(), task.formKey(),
        task.candidateGroups(), task.dueDate(), task.priority());
  }
}
