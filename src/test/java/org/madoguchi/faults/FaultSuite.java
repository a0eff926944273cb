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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final Random random;
  private final int inFlight = Integer.getInteger("faults.inFlight", 8);
  private final Duration warmUp = Duration.ofSeconds(Long.getLong("faults.warmupSeconds", 30));
  private final Duration patience = Duration.ofMinutes(Long.getLong("faults.quiescenceMinutes", 10));
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private final String run = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());

  private FaultSuite(LocalStack stack, Random random) {
    this.stack = stack;
    this.random = random;
    this.database = new Database(stack.jdbcUrl());
    this.camunda = new Apis.Camunda(stack.camundaUrl(), "demo", "demo");
    this.broker = new Apis.Broker(stack.brokerRestUrl());
    this.userTasks = new Apis.UserTaskRecords(stack.openSearchUrl());
    this.applicants = APPLICANTS.stream().map(email -> new Apis.Applicant(stack.madoguchiUrls(), email, "demo")).toList();
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
    Random random = new Random(Long.getLong("faults.seed", 42));
    Instant began = Instant.now();
    List<Audit.Result> results = new ArrayList<>();
    // A plain fresh stack for the scenarios that need no option of `up`, then one with every option the
    // others need (--cluster --instances 2); a reused stack runs them all.
    List<String> options = chosen.stream().flatMap(s -> s.stackOptions().stream()).distinct().toList();
    Map<List<String>, List<Scenario>> byStack = new LinkedHashMap<>();
    for (Scenario scenario : chosen) {
      byStack.computeIfAbsent(ownStack && !scenario.stackOptions().isEmpty() ? options : List.of(), o -> new ArrayList<>()).add(scenario);
    }
    Thread stopper = new Thread(stack::down);
    if (ownStack) {
      Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C must not leave the stack running
    }
    try {
      for (Map.Entry<List<String>, List<Scenario>> group : byStack.entrySet()) {
        if (ownStack) {
          System.out.println("Starting a fresh local stack in " + stack.state() + " (up " + String.join(" ", group.getKey()) + ") ...");
          try {
            stack.upFresh(group.getKey());
          } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            stack.down();
            group.getValue().forEach(s -> results.add(new Audit.Result(s.name(), 0, 0, 0, 0, 0, 0, null,
                "the stack (up " + String.join(" ", group.getKey()) + ") did not start: see its logs in " + stack.state().resolve("logs"), List.of())));
            continue;
          }
        }
        try {
          FaultSuite suite = new FaultSuite(stack, random);
          for (Scenario scenario : group.getValue()) {
            results.add(suite.run(scenario));
          }
        } finally {
          if (ownStack) {
            stack.down();
          }
        }
      }
    } finally {
      if (ownStack) {
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
    Scenario.Faults faults = new Scenario.Faults(stack, broker, random, new ArrayList<>());
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
      if (stack.madoguchiUrls().size() > 1 && faults.marks().stream().anyMatch(m -> m.what().contains("madoguchi"))) {
        printJourneyAcrossInstances(tag, load.served(), faults.marks());
      }
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

  /**
   * With two instances and one of them taken down: the first journey whose applicant requests were answered by more than one
   * instance, request by request with the instance, and its audit trail, between the fault's moments
   * (a worker's event while an instance was killed was recorded by the other one).
   */
  private void printJourneyAcrossInstances(String tag, List<JourneyLoad.Served> served, List<Scenario.Mark> marks) {
    Map<String, List<JourneyLoad.Served>> byCase = new LinkedHashMap<>();
    served.forEach(s -> byCase.computeIfAbsent(s.caseNumber(), n -> new ArrayList<>()).add(s));
    List<String> urls = stack.madoguchiUrls();
    byCase.entrySet().stream()
        .filter(c -> c.getValue().stream().map(s -> s.instance().getPort()).distinct().count() > 1)
        .findFirst()
        .ifPresentOrElse(c -> {
          System.out.println("  journey " + c.getKey() + " across instances:");
          List<Map.Entry<Instant, String>> lines = new ArrayList<>();
          marks.forEach(m -> lines.add(Map.entry(m.at(), "-- " + m.what() + " --")));
          for (JourneyLoad.Served s : c.getValue()) {
            int instance = urls.indexOf("http://127.0.0.1:" + s.instance().getPort()) + 1;
            lines.add(Map.entry(s.at(), "API " + s.step() + " -> " + s.status() + " answered by instance " + instance + " (" + s.instance().getAuthority() + ")"));
          }
          try {
            database.events(c.getKey()).forEach(e -> lines.add(Map.entry(e.at(), "audit " + e.action() + " by " + e.actor())));
          } catch (Apis.Unavailable e) {
            lines.add(Map.entry(Instant.now(), "audit trail unavailable: " + e.getMessage()));
          }
          lines.stream().sorted(Map.Entry.comparingByKey())
              .forEach(l -> System.out.println("    " + TIME.format(l.getKey()) + "  " + l.getValue()));
        }, () -> System.out.println("  no journey's requests were answered by more than one instance"));
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
