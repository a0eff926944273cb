package org.madoguchi.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiApplication;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.common.schedule.ScheduledRuns;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.EmbeddedInfrastructure;
import org.madoguchi.testsupport.EmbeddedSmtp;
import org.madoguchi.testsupport.EmbeddedZeebe;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Two Madoguchi instances on one MariaDB, one engine and one mail server, as behind a load balancer
 * without sticky sessions: journeys are submitted through both, a portal session signed in on one is
 * used on the other, and instance 1 stops abruptly while it holds activated jobs (web server and engine
 * client first, then the rest: the in-process stand-in for kill -9). The journeys finish through
 * instance 2; every case has one process instance, every mail went out once, every scheduled run ran on
 * one instance. Each instance's engine connection tells which jobs it received and completed; the test
 * prints which instance did each step.
 */
class TwoInstancesIT {

  private static final int CASES = 8;
  private static final String PASSWORD = "two-instances-password";
  /** Short, so that the jobs instance 1 held come back quickly; still longer than a step takes here. */
  private static final String JOB_TIMEOUT = "PT15S";
  private static final String INSTANCE_NAME = "two-instances.name";
  /** Each instance's engine connection, by instance name; they outlive the stopped instance. */
  private static final Map<String, EngineConnection> CONNECTIONS = new ConcurrentHashMap<>();

  private static ServletWebServerApplicationContext one;
  private static ServletWebServerApplicationContext two;
  private static ProcessDriver engine;
  private static AutoCloseable cachedContextsIdle;

  @BeforeAll
  static void startTwoInstances() {
    // The test contexts of earlier test classes in this JVM would take the journeys' jobs too.
    cachedContextsIdle = EmbeddedInfrastructure.jobWorkersOfCachedContextsStopped();
    engine = ProcessDriver.onEmbeddedEngine();
    one = start("instance-1");
    two = start("instance-2");
  }

  @AfterAll
  static void stopInstances() throws Exception {
    for (ServletWebServerApplicationContext context : new ServletWebServerApplicationContext[] {one, two}) {
      if (context != null && context.isActive()) {
        context.close();
      }
    }
    cachedContextsIdle.close();
  }

  @Test
  void journeysStartedOnBothInstancesFinishOnTheSecondAfterTheFirstStops() throws SQLException {
    Journey journey = new Journey(engine, two.getBean(JdbcTemplate.class));
    JdbcTemplate jdbc = two.getBean(JdbcTemplate.class);

    // Submitted through both instances' APIs.
    List<CaseRun> runs = new ArrayList<>();
    Map<String, String> submittedThrough = new HashMap<>();
    for (int i = 0; i < CASES; i++) {
      ServletWebServerApplicationContext instance = i % 2 == 0 ? one : two;
      ApplicantClient applicant = ApplicantClient.signUp(rest(instance), instance.getBean(Accounts.class), instance.getBean(ApiTokens.class));
      Map<String, Object> request = applicant.validRequest();
      request.put("requestedServices", List.of("imaging"));
      CaseRun run = journey.submit(applicant, request);
      runs.add(run);
      submittedThrough.put(run.caseNumber(), name(instance));
    }
    runs.forEach(run -> engine.awaitUserTask(run.instance(), "Consultation"));

    portalSessionSignedInOnOneInstanceServesOnTheOther(runs.getFirst());

    // The steps after the desk's decision wait for their case row, which the test holds, so their jobs
    // stay activated on whichever instance took them (the engine picks one at random for each job).
    // Once instance 1 holds some, it stops with them in hand.
    List<Long> orphaned = List.of();
    Set<Long> decided = new HashSet<>();
    try (Connection holder = two.getBean(DataSource.class).getConnection()) {
      holder.setAutoCommit(false);
      lockCaseRows(holder, runs);
      for (CaseRun run : runs) {
        journey.deskAccepts(run, "imaging");
        decided.add(run.instance());
        await("a job of " + run.caseNumber() + " held").atMost(ProcessDriver.TIMEOUT)
            .until(() -> !heldJobs(Set.of(run.instance())).isEmpty());
        orphaned = heldJobs(decided).stream().filter(connection(one)::received).sorted().toList();
        if (!orphaned.isEmpty()) {
          break;
        }
      }
      assertThat(orphaned).as("jobs instance-1 holds").isNotEmpty();
      stopAbruptly(one);
      holder.rollback();
    }
    System.out.printf("instance-1 stopped holding %d activated job(s): %s%n", orphaned.size(), orphaned);
    one.close();
    runs.stream().filter(run -> !decided.contains(run.instance())).forEach(run -> journey.deskAccepts(run, "imaging"));

    // The journeys go on through instance 2 alone.
    for (CaseRun run : runs) {
      journey.unitAccepts(run, "imaging", 2, "confocal");
      journey.operatorRecordsSession(run, "imaging", 2, List.of(), List.of(Journey.dataset("Confocal stacks", "images", 20)));
      engine.awaitActive(run.instance(), "AwaitDeposit");
      CaseRun throughTwo = new CaseRun(run.applicant().through(rest(two)), run.caseNumber(), run.caseId(), run.instance());
      assertThat(journey.applicantDeposits(throughTwo, journey.datasetIds(run).getFirst()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
      journey.stewardDecides(run, "verified", "Complete.");
    }
    for (CaseRun run : runs) {
      engine.awaitPassed(run.instance(), "CloseCase");
      assertThat(journey.status(run)).isEqualTo("CLOSED");
    }

    printSteps(runs, submittedThrough, orphaned);
    everyJobWasCompletedByOneOfTheTwoInstances(runs);
    theHeldJobsTimedOutAndTheSecondInstanceDidThem(orphaned);
    everyCaseHasExactlyOneProcessInstance(runs);
    everyMailWentOutOnce(jdbc, runs);
    everyScheduledRunRanOnOneInstance();
  }

  /** Sign-in, CSRF token, saved request, page language and a flash message, each crossing instances. */
  private void portalSessionSignedInOnOneInstanceServesOnTheOther(CaseRun run) {
    int portOne = one.getWebServer().getPort();
    int portTwo = two.getWebServer().getPort();

    // The applicant asks instance 1 for their case page, signs in on instance 2 with instance 1's CSRF
    // token, lands on the page asked for (the saved request) and reads it from both instances.
    PortalSession onOne = new PortalSession(portOne);
    PortalSession onTwo = onOne.at(portTwo);
    assertThat(onOne.get("/portal/requests/" + run.caseNumber()).statusCode()).isEqualTo(302);
    String token = onOne.csrfToken();
    HttpResponse<String> signIn = onTwo.postFormWithoutCsrf(
        "/login", Map.of("email", run.applicant().email(), "password", "secret-" + run.applicant().email(), "_csrf", token));
    assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).contains("/portal/requests/" + run.caseNumber()));
    // The cookie keeps server.servlet.session.cookie.* (Secure is off in the test profile: plain HTTP).
    assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
        .startsWith("JSESSIONID=").contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Max-Age", "Secure"));
    assertThat(onTwo.get("/portal/requests/" + run.caseNumber()).body()).contains(run.caseNumber());
    assertThat(onOne.get("/portal/requests").body()).contains(run.caseNumber());
    System.out.println("portal session: signed in on instance-2, served by instance-1 and instance-2");

    // Signing out on instance 1 ends the session everywhere.
    assertThat(onOne.postForm("/logout", Map.of()).headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/login?logout"));
    assertThat(onTwo.get("/portal/requests").statusCode()).isEqualTo(302);

    // A language chosen before signing in, on one instance, is the page language on the other.
    PortalSession visitor = new PortalSession(portOne);
    visitor.postForm("/language", Map.of("lang", "en", "returnTo", "/login"));
    assertThat(visitor.at(portTwo).raw("GET", "/login", null, Map.of("Accept-Language", "ja")).body()).contains("lang=\"en\"");
    PortalSession japanese = new PortalSession(portOne);
    japanese.postForm("/language", Map.of("lang", "ja", "returnTo", "/login"));
    assertThat(japanese.at(portTwo).raw("GET", "/login", null, Map.of("Accept-Language", "en")).body()).contains("lang=\"ja\"");

    // A staff note posted on instance 2 redirects to the case page, whose flash message instance 1 shows.
    Account desk = staff(two, StaffGroup.DESK);
    PortalSession staffOnTwo = new PortalSession(portTwo);
    staffOnTwo.signIn(desk.email(), PASSWORD);
    HttpResponse<String> note = staffOnTwo.postForm("/console/cases/" + run.caseNumber() + "/notes", Map.of("text", "Checked on two instances."));
    assertThat(note.statusCode()).isEqualTo(302);
    assertThat(staffOnTwo.at(portOne).get("/console/cases/" + run.caseNumber()).body()).contains("id=\"note-added\"");
    assertThat(staffOnTwo.get("/console/cases/" + run.caseNumber()).body()).as("shown once").doesNotContain("id=\"note-added\"");
  }

  private static void lockCaseRows(Connection holder, List<CaseRun> runs) throws SQLException {
    String ids = runs.stream().map(run -> String.valueOf(run.caseId())).collect(Collectors.joining(","));
    try (PreparedStatement lock = holder.prepareStatement("select id from cases where id in (" + ids + ") for update")) {
      lock.executeQuery().close();
    }
  }

  /**
   * What kill -9 takes away first: requests and the engine connection (every open call cancelled,
   * every new one refused: no job is completed or failed any more, pushed jobs are dropped); the jobs
   * the instance activated stay activated until their timeout.
   */
  private static void stopAbruptly(ServletWebServerApplicationContext instance) {
    instance.getWebServer().stop();
    instance.getBean(EngineConnection.class).cut();
  }

  private void theHeldJobsTimedOutAndTheSecondInstanceDidThem(List<Long> orphaned) {
    Set<Long> timedOut = new HashSet<>();
    Set<Long> completed = new HashSet<>();
    jobRecords().forEach(r -> {
      if (r.getIntent() == JobIntent.TIMED_OUT) {
        timedOut.add(r.getKey());
      } else if (r.getIntent() == JobIntent.COMPLETED) {
        completed.add(r.getKey());
      }
    });
    for (long job : orphaned) {
      assertThat(timedOut).as("job %d held by the stopped instance timed out", job).contains(job);
      assertThat(completed).as("job %d completed", job).contains(job);
      assertThat(handledBy(job)).as("job %d completed by", job).isEqualTo("instance-2");
    }
  }

  /** No job of the journeys completed by anyone else, none by both. */
  private void everyJobWasCompletedByOneOfTheTwoInstances(List<CaseRun> runs) {
    Set<Long> journeys = runs.stream().map(CaseRun::instance).collect(Collectors.toSet());
    Map<Long, Long> parents = parentProcessInstances();
    jobRecords()
        .filter(r -> r.getIntent() == JobIntent.COMPLETED && journeys.contains(root(parents, r.getValue().getProcessInstanceKey())))
        .forEach(r -> assertThat(handledBy(r.getKey())).as("job %d (%s) completed by", r.getKey(), r.getValue().getType())
            .isIn("instance-1", "instance-2"));
  }

  private void everyCaseHasExactlyOneProcessInstance(List<CaseRun> runs) {
    Map<String, Long> instancesPerCase = StreamSupport.stream(EmbeddedZeebe.start().records().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.VARIABLE && r.getRecordType() == RecordType.EVENT)
        .map(r -> (VariableRecordValue) r.getValue())
        .filter(v -> v.getName().equals("caseId") && v.getScopeKey() == v.getProcessInstanceKey()
            && v.getBpmnProcessId().equals("research-support"))
        .collect(Collectors.groupingBy(VariableRecordValue::getValue,
            Collectors.mapping(VariableRecordValue::getProcessInstanceKey, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
    for (CaseRun run : runs) {
      assertThat(instancesPerCase.get(String.valueOf(run.caseId()))).as("process instances of %s", run.caseNumber()).isEqualTo(1);
    }
  }

  private void everyMailWentOutOnce(JdbcTemplate jdbc, List<CaseRun> runs) {
    String ids = runs.stream().map(run -> String.valueOf(run.caseId())).collect(Collectors.joining(","));
    List<Map<String, Object>> queued = await("every mail of the cases sent").atMost(ProcessDriver.TIMEOUT)
        .until(() -> jdbc.queryForList("select id, recipient, sent_at from mail_outbox where case_id in (" + ids + ")"),
            rows -> rows.stream().allMatch(row -> row.get("sent_at") != null));
    Map<String, Long> received = Arrays.stream(EmbeddedSmtp.start().getReceivedMessages())
        .collect(Collectors.groupingBy(TwoInstancesIT::messageIdAndRecipient, Collectors.counting()));
    for (Map<String, Object> mail : queued) {
      String key = "<outbox-" + mail.get("id") + "@madoguchi> " + mail.get("recipient");
      assertThat(received.get(key)).as(key).isEqualTo(1);
    }
    System.out.printf("mails: %d queued for the %d cases, each received once (by Message-ID)%n", queued.size(), runs.size());
  }

  private void everyScheduledRunRanOnOneInstance() {
    assertThat(Ticker.attempts).containsKeys("instance-1", "instance-2");
    Map<String, List<String>> byWindow = new HashMap<>(Ticker.runs);
    assertThat(byWindow).isNotEmpty();
    byWindow.forEach((window, instances) -> assertThat(instances).as("runs of window %s", window).hasSize(1));
    Map<String, Long> perInstance = byWindow.values().stream()
        .collect(Collectors.groupingBy(List::getFirst, Collectors.counting()));
    assertThat(perInstance).containsKey("instance-2");
    System.out.printf("scheduled runs: %d one-second windows, each run once (by instance %s; attempts %s)%n",
        byWindow.size(), perInstance, Ticker.attempts);
  }

  /** Each journey's steps in the order the engine completed them, with the instance whose worker did each. */
  private void printSteps(List<CaseRun> runs, Map<String, String> submittedThrough, List<Long> orphaned) {
    Map<Long, List<String>> steps = new LinkedHashMap<>();
    runs.forEach(run -> steps.put(run.instance(), new ArrayList<>()));
    Map<Long, Long> parents = parentProcessInstances();
    for (Record<?> r : EmbeddedZeebe.start().records()) {
      if (r.getValueType() == ValueType.JOB && r.getRecordType() == RecordType.EVENT
          && (r.getIntent() == JobIntent.COMPLETED || r.getIntent() == JobIntent.TIMED_OUT)) {
        JobRecordValue job = (JobRecordValue) r.getValue();
        List<String> lines = steps.get(root(parents, job.getProcessInstanceKey()));
        if (lines != null) {
          lines.add(String.format("  %-26s %-24s %s", job.getType(), job.getElementId(),
              r.getIntent() == JobIntent.COMPLETED
                  ? "done by " + handledBy(r.getKey())
                  : orphaned.contains(r.getKey())
                      ? "TIMED OUT: held by instance-1 when it stopped; handed out again"
                      : "TIMED OUT"));
        }
      }
    }
    for (CaseRun run : runs) {
      System.out.printf("%s: submitted through %s%n%s%n", run.caseNumber(), submittedThrough.get(run.caseNumber()),
          String.join("\n", steps.get(run.instance())));
    }
  }

  /** Each called process instance's parent. */
  private static Map<Long, Long> parentProcessInstances() {
    Map<Long, Long> parents = new HashMap<>();
    for (Record<?> r : EmbeddedZeebe.start().records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getValue() instanceof ProcessInstanceRecordValue value
          && value.getBpmnElementType() == BpmnElementType.PROCESS && value.getParentProcessInstanceKey() > 0) {
        parents.put(r.getKey(), value.getParentProcessInstanceKey());
      }
    }
    return parents;
  }

  private static long root(Map<Long, Long> parents, long processInstance) {
    long root = processInstance;
    while (parents.containsKey(root)) {
      root = parents.get(root);
    }
    return root;
  }

  /** Jobs of these (root) process instances activated and not finished yet. */
  private static Set<Long> heldJobs(Set<Long> processInstances) {
    Set<Long> held = new HashSet<>();
    for (Record<?> r : EmbeddedZeebe.start().records()) {
      if (r.getValueType() == ValueType.JOB_BATCH && r.getIntent() == JobBatchIntent.ACTIVATED) {
        JobBatchRecordValue batch = (JobBatchRecordValue) r.getValue();
        for (int i = 0; i < batch.getJobKeys().size(); i++) {
          if (processInstances.contains(batch.getJobs().get(i).getProcessInstanceKey())) {
            held.add(batch.getJobKeys().get(i));
          }
        }
      } else if (r.getValueType() == ValueType.JOB && r.getRecordType() == RecordType.EVENT
          && (r.getIntent() == JobIntent.COMPLETED || r.getIntent() == JobIntent.TIMED_OUT || r.getIntent() == JobIntent.FAILED)) {
        held.remove(r.getKey());
      }
    }
    return held;
  }

  /** The instance that sent the job's completion. */
  private static String handledBy(long jobKey) {
    return CONNECTIONS.entrySet().stream().filter(e -> e.getValue().completing(jobKey)).map(Map.Entry::getKey)
        .collect(Collectors.joining(", "));
  }

  private static EngineConnection connection(ServletWebServerApplicationContext instance) {
    return CONNECTIONS.get(name(instance));
  }

  @SuppressWarnings("unchecked")
  private static java.util.stream.Stream<Record<JobRecordValue>> jobRecords() {
    return StreamSupport.stream(EmbeddedZeebe.start().records().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.JOB && r.getRecordType() == RecordType.EVENT)
        .map(r -> (Record<JobRecordValue>) r);
  }

  private static String messageIdAndRecipient(MimeMessage message) {
    try {
      return message.getMessageID() + " " + message.getAllRecipients()[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ServletWebServerApplicationContext start(String name) {
    Map<String, Object> properties = new HashMap<>(EmbeddedInfrastructure.properties());
    properties.put("server.port", "0");
    properties.put(INSTANCE_NAME, name);
    properties.put("camunda.client.worker.defaults.timeout", JOB_TIMEOUT);
    ServletWebServerApplicationContext context = (ServletWebServerApplicationContext)
        new SpringApplicationBuilder(MadoguchiApplication.class, Ticker.class, EngineConnection.class)
            .profiles("test")
            .initializers(c -> c.getEnvironment().getPropertySources().addFirst(new MapPropertySource(name, properties)))
            .run();
    CONNECTIONS.put(name, context.getBean(EngineConnection.class));
    return context;
  }

  private static String name(ServletWebServerApplicationContext instance) {
    return instance.getEnvironment().getProperty(INSTANCE_NAME);
  }

  private static TestRestTemplate rest(ServletWebServerApplicationContext instance) {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + instance.getWebServer().getPort()));
  }

  private static Account staff(ServletWebServerApplicationContext instance, StaffGroup group) {
    Accounts accounts = instance.getBean(Accounts.class);
    Account account = accounts.ensure("staff-" + UUID.randomUUID() + "@madoguchi.example", PASSWORD, "Staff", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
    return account;
  }

  /**
   * A scheduled job on both instances, firing five times a second, each firing claiming its one-second
   * window through ScheduledRuns: every window must run on exactly one instance.
   */
  static class Ticker {

    static final Map<String, List<String>> runs = new ConcurrentHashMap<>();
    static final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    private final ScheduledRuns scheduledRuns;
    private final Clock clock;
    private final String instance;

    Ticker(ScheduledRuns scheduledRuns, Clock clock, Environment environment) {
      this.scheduledRuns = scheduledRuns;
      this.clock = clock;
      this.instance = environment.getRequiredProperty(INSTANCE_NAME);
    }

    @Scheduled(fixedRate = 200)
    void tick() {
      attempts.merge(instance, 1, Integer::sum);
      var now = clock.instant();
      scheduledRuns.runOnce("two-instances-tick", ScheduledRuns.window(now, Duration.ofSeconds(1)), now, Duration.ofSeconds(5),
          () -> runs.computeIfAbsent(ScheduledRuns.window(now, Duration.ofSeconds(1)), w -> new CopyOnWriteArrayList<>()).add(instance));
    }
  }

  /**
   * The instance's gRPC connection to the engine: notes the jobs it received and the completions it
   * sent, and can be cut as a killed process would lose it.
   */
  static class EngineConnection implements ClientInterceptor {

    private final Set<ClientCall<?, ?>> open = ConcurrentHashMap.newKeySet();
    private final Set<Long> received = ConcurrentHashMap.newKeySet();
    private final Set<Long> completing = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    boolean received(long jobKey) {
      return received.contains(jobKey);
    }

    boolean completing(long jobKey) {
      return completing.contains(jobKey);
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
      if (cut) {
        return refused();
      }
      ClientCall<Q, A> call = next.newCall(method, options);
      open.add(call);
      return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
        @Override
        public void sendMessage(Q message) {
          if (message instanceof CompleteJobRequest completion) {
            completing.add(completion.getJobKey());
          }
          super.sendMessage(message);
        }

        @Override
        public void start(Listener<A> listener, Metadata headers) {
          super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
            @Override
            public void onMessage(A message) {
              if (cut) {
                return;
              }
              if (message instanceof ActivatedJob job) {
                received.add(job.getKey());
              } else if (message instanceof ActivateJobsResponse response) {
                response.getJobsList().forEach(job -> received.add(job.getKey()));
              }
              super.onMessage(message);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              open.remove(call);
              super.onClose(status, trailers);
            }
          }, headers);
        }
      };
    }

    void cut() {
      cut = true;
      open.forEach(call -> call.cancel("instance stopped", null));
    }

    private static <Q, A> ClientCall<Q, A> refused() {
      return new ClientCall<>() {
        @Override
        public void start(Listener<A> listener, Metadata headers) {
          listener.onClose(Status.UNAVAILABLE.withDescription("instance stopped"), new Metadata());
        }

        @Override
        public void request(int count) {}

        @Override
        public void cancel(String message, Throwable cause) {}

        @Override
        public void halfClose() {}

        @Override
        public void sendMessage(Q message) {}
      };
    }
  }
}
