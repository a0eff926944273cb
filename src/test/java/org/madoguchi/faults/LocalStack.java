package org.madoguchi.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local stack the suite runs on: where its services listen (the same MADOGUCHI_*_PORT variables
 * and defaults as stack/local-stack) and its control commands (up, down, and one service at a time:
 * kill, stop-one, start-one, pause, resume), run as the script with this process's environment.
 */
final class LocalStack {

  /** What a fault does to a service and how it is undone. */
  enum Outage {
    /** SIGKILL, as a crash; undone by starting it again. */
    KILL("kill", "start-one"),
    /** A clean stop: its ports refuse connections until it is started again. */
    STOP("stop-one", "start-one"),
    /** SIGSTOP: its ports accept connections, nothing answers, until SIGCONT. */
    PAUSE("pause", "resume");

    final String begin;
    final String end;

    Outage(String begin, String end) {
      this.begin = begin;
      this.end = end;
    }
  }

  private final Path repo;
  private final Path state;
  private final Map<String, String> environment;

  LocalStack(Path repo, Path state) {
    this.repo = repo;
    this.state = state;
    this.environment = Map.of("MADOGUCHI_STACK_STATE", state.toString());
  }

  /** The state folder: MADOGUCHI_STACK_STATE, or faults-state in the stack's home. */
  static Path defaultState(Path repo) {
    String configured = System.getenv("MADOGUCHI_STACK_STATE");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(run(repo, Map.of(), List.of("stack/local-stack", "home")).strip(), "faults-state");
  }

  static int port(String variable, int defaultPort) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value);
  }

  /** Every Madoguchi instance `up` started, the first (madoguchi) first; madoguchi-N listens N-1 steps above it. */
  List<String> madoguchiUrls() {
    int first = port("MADOGUCHI_PORT", 8080);
    int step = port("MADOGUCHI_INSTANCE_PORT_STEP", 10);
    long instances = Math.max(1, services().stream().filter(s -> s.matches("madoguchi(-\\d+)?")).count());
    List<String> urls = new ArrayList<>();
    for (int n = 0; n < instances; n++) {
      urls.add("http://127.0.0.1:" + (first + n * step));
    }
    return urls;
  }

  String camundaUrl() {
    return "http://127.0.0.1:" + port("MADOGUCHI_CAMUNDA_WEB_PORT", 8081);
  }

  String brokerRestUrl() {
    return "http://127.0.0.1:" + port("MADOGUCHI_ZEEBE_REST_PORT", 8088);
  }

  String openSearchUrl() {
    return "http://127.0.0.1:" + port("MADOGUCHI_OPENSEARCH_PORT", 9200);
  }

  String mailSinkUrl() {
    return "http://127.0.0.1:" + port("MADOGUCHI_MAIL_WEB_PORT", 1080);
  }

  String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port("MADOGUCHI_DB_PORT", 3306) + "/madoguchi";
  }

  Path state() {
    return state;
  }

  /**
   * Starts the stack on an empty state folder (nothing from an earlier run can pass or fail a check),
   * with the options of `up` (--cluster, --instances N).
   */
  void upFresh(List<String> options) {
    run(repo, environment, List.of("rm", "-rf", state.toString()));
    List<String> up = new ArrayList<>(List.of("up"));
    up.addAll(options);
    script(up.toArray(String[]::new));
  }

  void down() {
    script("down");
  }

  /** The services `up` started (one command file each), e.g. broker or madoguchi, and those of a cluster. */
  List<String> services() {
    try (Stream<Path> files = Files.list(state.resolve("commands"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The command line `up` started the service with (as `start-one` runs it again). */
  String command(String service) {
    try {
      return Files.readString(state.resolve("commands").resolve(service));
    } catch (IOException e) {
      throw new IllegalStateException("no command of " + service + " in " + state, e);
    }
  }

  void begin(Outage outage, String service) {
    script(outage.begin, service);
  }

  void end(Outage outage, String service) {
    script(outage.end, service);
  }

  private void script(String... arguments) {
    List<String> command = new ArrayList<>(List.of("stack/local-stack"));
    command.addAll(List.of(arguments));
    System.out.print(run(repo, environment, command));
  }

  private static String run(Path directory, Map<String, String> environment, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
