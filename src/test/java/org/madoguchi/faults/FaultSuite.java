package org.madoguchi.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The fault-injection suite ({@code bin/madoguchi faults [scenario...]}): starts a fresh local stack
 * (or uses the running one with {@code -Dfaults.reuseStack=true}), runs each scenario with a fixed
 * number of journeys in flight, heals the fault, waits (bounded) until the stack is quiet, checks
 * what {@link Audit} checks, prints the table and writes it to target/faults/results.md. Exits 1 when
 * a journey is lost, duplicated, double-booked, left with an incident or unfinished.
 */
public final class FaultSuite {

  /** The demo applicants of the stack's demo accounts (password "demo"). */
  private static final List<String> APPLICANTS =
      List.of("ken.sato@pharma.example.co.jp", "aoi.tanaka@u-tokyo.example.ac.jp", "emma.wright@institute.example.org");

  private final LocalStack stack;
  private final Database database;
  private final Apis.Camunda camunda;
  private final Apis.Broker broker;
  private final Apis.UserTaskRecords userTasks;
  private final List<Apis.Applicant> applicants;
  private final Audit audit;
  private final Random random = new Random(Long.getLong("faults.seed", 42));
  private final int inFlight = Integer.getInteger("faults.inFlight", 8);
  private final Duration warmUp = Duration.ofSeconds(Long.getLong("faults.warmupSeconds", 30));
  private final Duration patience = Duration.ofMinutes(Long.getLong("faults.quiescenceMinutes", 10));
  private final String run = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());

  private FaultSuite(LocalStack stack) {
    this.stack = stack;
    this.database = new Database(stack.jdbcUrl());
    this.camunda = new Apis.Camunda(stack.camundaUrl(), "demo", "demo");
    this.broker = new Apis.Broker(stack.brokerRestUrl());
    this.userTasks = new Apis.UserTaskRecords(stack.openSearchUrl());
    this.applicants = APPLICANTS.stream().map(email -> new Apis.Applicant(stack.madoguchiUrl(), email, "demo")).toList();
    this.audit = new Audit(database, camunda, new Apis.MailSink(stack.mailSinkUrl()));
  }

  /** The scenarios to run: the arguments, or -Dfaults.scenarios (names separated by spaces or commas); all without either. */
  public static void main(String[] arguments) throws Exception {
    String[] args = arguments.length > 0 ? arguments : System.getProperty("faults.scenarios", "").trim().split("[\\s,]+");
    args = Arrays.stream(args).filter(a -> !a.isBlank()).toArray(String[]::new);
    List<Scenario> all = Scenario.all(Integer.getInteger("faults.kills", 20));
    List<String> names = all.stream().map(Scenario::name).toList();
    List<String> unknown = Arrays.stream(args).filter(a -> !names.contains(a)).toList();
    if (!unknown.isEmpty()) {
      System.err.println("unknown scenario(s) " + unknown + "; the scenarios: " + String.join(" ", names));
      System.exit(2);
    }
    List<String> asked = List.of(args);
    List<Scenario> chosen = asked.isEmpty() ? all : all.stream().filter(s -> asked.contains(s.name())).toList();

    Path repo = Path.of("").toAbsolutePath();
    LocalStack stack = new LocalStack(repo, LocalStack.defaultState(repo));
    boolean ownStack = !Boolean.getBoolean("faults.reuseStack");
    Instant began = Instant.now();
    List<Audit.Result> results = new ArrayList<>();
    Thread stopper = new Thread(stack::down);
    if (ownStack) {
      Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C must not leave the stack running
      System.out.println("Starting a fresh local stack in " + stack.state() + " ...");
      stack.upFresh();
    }
    try {
      FaultSuite suite = new FaultSuite(stack);
      for (Scenario scenario : chosen) {
        results.add(suite.run(scenario));
      }
    } finally {
      if (ownStack) {
        stack.down();
        Runtime.getRuntime().removeShutdownHook(stopper);
      }
    }
    String report = report(results, Duration.between(began, Instant.now()));
    System.out.println();
    System.out.println(report);
    Path file = Path.of(System.getProperty("faults.reportDir", "target/faults"), "results.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report);
    System.out.println("Written to " + file.toAbsolutePath());
    System.exit(results.stream().anyMatch(Audit.Result::failed) ? 1 : 0);
  }

  private Audit.Result run(Scenario scenario) throws InterruptedException {
    System.out.printf("%n== %s: %s%n", scenario.name(), scenario.description());
    Scenario.Faults faults = new Scenario.Faults(stack, broker, random);
    String missing = scenario.needs() == null ? null : scenario.needs().missing(faults);
    if (missing != null) {
      System.out.println("  skipped: " + missing);
      return Audit.Result.skipped(scenario.name(), missing);
    }
    String tag = "FAULTS " + run + " " + scenario.name();
    Set<Object> incidentsBefore = audit.incidentKeys();
    String note = null;
    Duration recovery = null;
    Set<String> acknowledged;
    try (JourneyLoad load = new JourneyLoad(userTasks, broker, applicants, database, tag, inFlight)) {
      Thread.sleep(warmUp);
      try {
        scenario.fault().inject(faults);
      } catch (RuntimeException e) {
        note = "the fault could not be injected or healed: " + e.getMessage();
        System.out.println("  " + note);
      }
      Instant healed = Instant.now();
      load.stopSubmitting();
      if (awaitQuiet(tag, healed.plus(patience))) {
        recovery = Duration.between(healed, Instant.now());
      } else if (note == null) {
        note = "not quiet " + patience.toMinutes() + " min after the fault was healed";
      }
      acknowledged = load.acknowledged();
    }
    Audit.Result result;
    try {
      awaitOperate(tag);
      result = audit.check(scenario.name(), tag, acknowledged, incidentsBefore, recovery, note);
    } catch (Apis.Unavailable e) {
      result = new Audit.Result(scenario.name(), 0, 0, 0, 0, 0, 0, recovery, "could not be checked: " + e.getMessage(), List.of());
    }
    result.problems().forEach(p -> System.out.println("  " + p));
    System.out.printf("  %d journeys, %d completed, recovered in %s%n", result.journeys(), result.completed(), seconds(recovery));
    return result;
  }

  /** Until every case of the scenario has ended and both outboxes are empty; false when the deadline passes first. */
  private boolean awaitQuiet(String tag, Instant deadline) throws InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      try {
        if (database.cases(tag).stream().allMatch(Database.Case::ended) && database.outboxDue() == 0) {
          return true;
        }
      } catch (Apis.Unavailable e) {
        // still recovering
      }
      Thread.sleep(2000);
    }
    return false;
  }

  /** Operate imports a few seconds behind the engine: until it knows an instance of every case (at most 2 minutes). */
  private void awaitOperate(String tag) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      try {
        if (database.cases(tag).stream().allMatch(c -> !audit.liveInstances(c.number()).isEmpty())) {
          return;
        }
      } catch (Apis.Unavailable e) {
        // Operate still starting or importing
      }
      Thread.sleep(3000);
    }
  }

  private static String seconds(Duration duration) {
    return duration == null ? "-" : duration.toSeconds() + " s";
  }

  static String report(List<Audit.Result> results, Duration took) {
    StringBuilder table = new StringBuilder("# Fault-injection suite\n\n")
        .append("| scenario | journeys | completed | lost | duplicated | double-booked | incidents | time to recover |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Audit.Result r : results) {
      if (r.skipped()) {
        table.append("| ").append(r.scenario()).append(" | ").append(r.note()).append(" | | | | | | |\n");
      } else {
        table.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %s |%n", r.scenario(), r.journeys(), r.completed(), r.lost(),
            r.duplicated(), r.doubleBooked(), r.incidents(), seconds(r.recovery())));
      }
    }
    table.append("\nWhole run: ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s. ")
        .append(results.stream().anyMatch(Audit.Result::failed) ? "FAILED" : "PASSED").append('\n');
    for (Audit.Result r : results) {
      if (!r.skipped() && (r.note() != null || !r.problems().isEmpty())) {
        table.append("\n## ").append(r.scenario()).append('\n');
        if (r.note() != null) {
          table.append("\n").append(r.note()).append('\n');
        }
        r.problems().forEach(p -> table.append("- ").append(p).append('\n'));
      }
    }
    return table.toString();
  }
}
