package org.madoguchi.testsupport;

import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.madoguchi.workflow.inmemory.InMemoryZeebe;
import org.madoguchi.workflow.inmemory.InMemoryZeebe.OpenUserTask;

/** The one in-memory engine of this JVM, shared by the embedded local run and the process tests. */
public final class EmbeddedZeebe {

  private static EmbeddedZeebe instance;

  private final InMemoryZeebe engine;

  private EmbeddedZeebe(InMemoryZeebe engine) {
    this.engine = engine;
  }

  public static synchronized EmbeddedZeebe start() {
    if (instance == null) {
      instance = new EmbeddedZeebe(InMemoryZeebe.start());
      Runtime.getRuntime().addShutdownHook(new Thread(instance.engine::close, "embedded-zeebe-stop"));
    }
    return instance;
  }

  /** The engine itself, for application code that reads it (e.g. running instances in the embedded run). */
  public InMemoryZeebe engine() {
    return engine;
  }

  public String grpcAddress() {
    return engine.grpcAddress();
  }

  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  public Iterable<Record<?>> records() {
    return engine.records();
  }

  public List<OpenUserTask> openUserTasks() {
    return engine.openUserTasks();
  }

  public void completeUserTask(long userTaskKey, Map<String, Object> variables) {
    engine.completeUserTask(userTaskKey, variables);
  }

  static int freePort() {
    return InMemoryZeebe.freePort();
  }
}
