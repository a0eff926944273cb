package org.madoguchi.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.madoguchi.faults.LocalStack.Outage;

/**
 * One fault, injected while the journeys are in flight. {@link #needs} says why the stack cannot take
 * it (null when it can); {@link #fault} injects it and returns once it is healed.
 */
record Scenario(String name, String description, Requirement needs, Fault fault) {

  interface Requirement {
    String missing(Faults faults);
  }

  interface Fault {
    void inject(Faults faults) throws InterruptedException;
  }

  /** What a scenario can do to the stack, and see of it. */
  record Faults(LocalStack stack, Apis.Broker broker, Random random) {

    /** Takes the service down the way {@code outage} says, keeps it down for {@code length}, brings it back. */
    void outage(String service, Outage outage, Duration length) throws InterruptedException {
      System.out.printf("  %s %s for %d s%n", outage.begin, service, length.toSeconds());
      stack.begin(outage, service);
      Thread.sleep(length);
      stack.end(outage, service);
    }

    /** A random pause between {@code min} and {@code max} seconds (the suite's seed makes runs repeatable). */
    void somewhereBetween(int min, int max) throws InterruptedException {
      Thread.sleep(Duration.ofSeconds(min + random.nextInt(max - min + 1)));
    }

    /** The stack's service of the broker that leads partition 1 (null without a cluster's topology). */
    @SuppressWarnings("unchecked")
    String partitionLeader() {
      for (Map<String, Object> node : (List<Map<String, Object>>) broker.topology().get("brokers")) {
        boolean leads = ((List<Map<String, Object>>) node.get("partitions")).stream()
            .anyMatch(p -> ((Number) p.get("partitionId")).intValue() == 1 && "leader".equalsIgnoreCase(String.valueOf(p.get("role"))));
        if (leads) {
          // The broker started with that node id (ZEEBE_BROKER_CLUSTER_NODEID=<id> on its command line), else named after it.
          String nodeId = String.valueOf(node.get("nodeId"));
          List<String> brokers = stack.services().stream().filter(s -> s.startsWith("broker")).toList();
          return brokers.stream().filter(s -> stack.command(s).matches("(?s).*NODEID=" + nodeId + "\\b.*")).findFirst()
              .or(() -> brokers.stream().filter(s -> s.endsWith(nodeId)).findFirst()).orElse(null);
        }
      }
      return null;
    }

    int clusterSize() {
      return ((Number) broker.topology().get("clusterSize")).intValue();
    }

    /** A second Madoguchi instance of the stack (a service named madoguchi..., other than madoguchi), or null. */
    String secondInstance() {
      return stack.services().stream().filter(s -> s.startsWith("madoguchi") && !s.equals("madoguchi")).findFirst().orElse(null);
    }
  }

  static List<Scenario> all(int kills) {
    Requirement cluster = f -> f.clusterSize() >= 3 ? null : "needs --cluster (stack/local-stack up --cluster: 3 brokers)";
    return List.of(
        new Scenario("kill-madoguchi", "kill -9 Madoguchi " + kills + " times at random points, restart each time", null, f -> {
          for (int i = 1; i <= kills; i++) {
            f.somewhereBetween(5, 40);
            System.out.printf("  kill %d of %d%n", i, kills);
            f.outage("madoguchi", Outage.KILL, Duration.ZERO);
          }
        }),
        new Scenario("db-30s", "MariaDB stopped for 30 s", null, f -> f.outage("mariadb", Outage.STOP, Duration.ofSeconds(30))),
        new Scenario("db-3min", "MariaDB stopped for 3 minutes", null, f -> f.outage("mariadb", Outage.STOP, Duration.ofMinutes(3))),
        new Scenario("smtp-paused", "SMTP paused (SIGSTOP) for 2 minutes", null, f -> f.outage("maildev", Outage.PAUSE, Duration.ofMinutes(2))),
        new Scenario("smtp-refusing", "SMTP refusing connections (stopped) for 2 minutes", null,
            f -> f.outage("maildev", Outage.STOP, Duration.ofMinutes(2))),
        new Scenario("broker-paused", "Zeebe broker paused (SIGSTOP) for 30 s", null, f -> f.outage("broker", Outage.PAUSE, Duration.ofSeconds(30))),
        new Scenario("leader-killed", "the leader of partition 1 killed mid-load, restarted after 30 s", cluster, f -> {
          String leader = f.partitionLeader();
          if (leader == null) {
            throw new IllegalStateException("no stack service (broker...<node id>) for the leader of partition 1 in " + f.stack().services());
          }
          f.outage(leader, Outage.KILL, Duration.ofSeconds(30));
        }),
        new Scenario("instance-killed", "one of two Madoguchi instances killed mid-load, restarted after 60 s",
            f -> f.secondInstance() != null ? null : "needs --instances 2 (a second Madoguchi instance in the stack)",
            f -> f.outage(f.secondInstance(), Outage.KILL, Duration.ofSeconds(60))));
  }
}
