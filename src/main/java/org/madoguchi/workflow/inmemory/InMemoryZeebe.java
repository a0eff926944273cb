package org.madoguchi.workflow.inmemory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The real Zeebe 8.8 engine in memory (zeebe-process-test), reachable over gRPC on 127.0.0.1 only: the
 * engine of the embedded local run and the process tests, and the one an administrator's dry run deploys
 * to. This is the single seam to that deprecated library (removed in Camunda 8.10), so replacing it later
 * touches this class alone.
 */
public final class InMemoryZeebe implements AutoCloseable {

  private final ZeebeTestEngine engine;
  private final int port;
  private final LogStreamWriter commandWriter;
  private final ObjectMapper json = new ObjectMapper();

  private InMemoryZeebe(int port) {
    this.port = port;
    this.engine = EngineFactory.create(port);
    bindToLoopback();
    this.commandWriter = this.<LogStream>field("logStream").newLogStreamWriter();
    engine.start();
  }

  /** A new engine, started, on a free loopback port; {@link #close()} stops it. */
  public static InMemoryZeebe start() {
    return new InMemoryZeebe(freePort());
  }

  public String grpcAddress() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * A client of this engine, closed by the caller: gRPC only (the engine has no REST API, so the REST
   * address is never called), without environment overrides, each request bounded by {@code requestTimeout}.
   */
  public CamundaClient newClient(Duration requestTimeout) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create(grpcAddress()))
        .restAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(requestTimeout)
        .build();
  }

  /** Moves the engine's clock, so timers (reminders, timeouts, follow-ups) fire without waiting. */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  public Iterable<Record<?>> records() {
    return engine.getRecordStreamSource().getRecords();
  }

  /** Camunda user tasks created and neither completed nor cancelled yet, oldest first. */
  public List<OpenUserTask> openUserTasks() {
    Set<Long> finished = new HashSet<>();
    List<Record<?>> userTaskRecords =
        StreamSupport.stream(records().spliterator(), false)
            .filter(r -> r.getValueType() == ValueType.USER_TASK && r.getRecordType() == RecordType.EVENT)
            .toList();
    for (Record<?> r : userTaskRecords) {
      if (r.getIntent() == UserTaskIntent.COMPLETED || r.getIntent() == UserTaskIntent.CANCELED) {
        finished.add(r.getKey());
      }
    }
    return userTaskRecords.stream()
        .filter(r -> r.getIntent() == UserTaskIntent.CREATED && !finished.contains(r.getKey()))
        .map(r -> OpenUserTask.of(r.getKey(), (UserTaskRecordValue) r.getValue()))
        .toList();
  }

  /**
   * Completes a Camunda user task as Tasklist would. The 8.8 client completes user tasks over REST
   * only, which this engine lacks, so the COMPLETE command is written to the engine's log directly.
   */
  public void completeUserTask(long userTaskKey, Map<String, Object> variables) {
    UserTaskRecord command = new UserTaskRecord().setUserTaskKey(userTaskKey).setAction("complete");
    command.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(toJson(variables))));
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .valueType(ValueType.USER_TASK)
            .intent(UserTaskIntent.COMPLETE);
    synchronized (commandWriter) {
      commandWriter.tryWrite(WriteContext.internal(), LogAppendEntry.of(userTaskKey, metadata, command));
    }
  }

  @Override
  public void close() {
    engine.stop();
  }

  private String toJson(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** EngineFactory binds every interface; rebuild its (not yet started) gRPC server on loopback. */
  private void bindToLoopback() {
    BindableService gateway = field("gateway");
    Server loopbackServer =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .addService(gateway)
            .build();
    setField("grpcServer", loopbackServer);
  }

  @SuppressWarnings("unchecked")
  private <T> T field(String name) {
    try {
      Field field = engine.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return (T) field.get(engine);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("zeebe-process-test internals changed: " + name, e);
    }
  }

  private void setField(String name, Object value) {
    try {
      Field field = engine.getClass().getDeclaredField(name);
      field.setAccessible(true);
      field.set(engine, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("zeebe-process-test internals changed: " + name, e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A user task waiting for someone, as Tasklist would list it. */
  public record OpenUserTask(
      long key, long processInstanceKey, String bpmnProcessId, String elementId, String formKey,
      List<String> candidateGroups, String dueDate, int priority) {

    static OpenUserTask of(long key, UserTaskRecordValue value) {
      return new OpenUserTask(
          key, value.getProcessInstanceKey(), value.getBpmnProcessId(), value.getElementId(),
          String.valueOf(value.getFormKey()), value.getCandidateGroupsList(), value.getDueDate(), value.getPriority());
    }
  }
}
