package org.madoguchi.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.madoguchi.faults.LocalStack.Outage;

/**
 * One fault, injected while the journeys are in flight. {@link #stackOptions} are the options of
 * {@code stack/local-stack up} it needs; {@link #needs} says why a running stack cannot take it (null
 * when it can); {@link #fault} injects it and returns once it is healed.
 */
record Scenario(String name, String description, List<String> stackOptions, Requirement needs, Fault fault) {

  private static final List<String> CLUSTER = List.of("--cluster");
  private static final List<String> TWO_INSTANCES = List.of("--instances", "2");

  interface Requirement {
    String missing(Faults faults);
  }

  interface Fault {
    void inject(Faults faults) throws InterruptedException;
  }

  /** A fault's moment: when a service was taken down or brought back. */
  record Mark(Instant at, String what) {}

  /** What a scenario can do to the stack, and see of it; {@code marks} collects when it did what. */
  record Faults(LocalStack stack, Apis.Broker broker, Random random, List<Mark> marks) {

    /** Takes the service down the way {@code outage} says, keeps it down for {@code length}, brings it back. */
    void outage(String service, Outage outage, Duration length) throws InterruptedException {
      System.out.printf("  %s %s for %d s%n", outage.begin, service, length.toSeconds());
      stack.begin(outage, service);
      marks.add(new Mark(Instant.now(), outage.begin + " " + service));
      Thread.sleep(length);
      stack.end(outage, service);
      marks.add(new Mark(Instant.now(), service + " back (" + outage.end + ")"));
    }

    /** A random pause between {@code min} and {@code max} seconds (the suite's seed makes runs repeatable). */
    void somewhereBetween(int min, int max) throws InterruptedException {
      Thread.sleep(Duration.ofSeconds(min + random.nextInt(max - min + 1)));
    }

    /**
     * The stack's service of a broker that leads a partition, preferring one other than {@code broker}
     * (node 0): that one is also the gateway Madoguchi and the suite talk to, and killing it would test
     * the loss of the only gateway rather than a leader's failover. Null when no partition has a leader.
     */
    @SuppressWarnings("unchecked")
    String partitionLeader() {
      List<Integer> leaders = new ArrayList<>();
      for (Map<String, Object> node : (List<Map<String, Object>>) broker.topology().get("brokers")) {
        List<String> led = ((List<Map<String, Object>>) node.get("partitions")).stream()
            .filter(p -> "leader".equalsIgnoreCase(String.valueOf(p.get("role")))).map(p -> String.valueOf(p.get("partitionId"))).toList();
        if (!led.isEmpty()) {
          int nodeId = ((Number) node.get("nodeId")).intValue();
          System.out.printf("  node %d (%s) leads partition(s) %s%n", nodeId, brokerService(nodeId), String.join(", ", led));
          leaders.add(nodeId);
        }
      }
      return leaders.stream().sorted(Comparator.comparing((Integer id) -> id == 0)).findFirst().map(Faults::brokerService).orElse(null);
    }

    /** Node id 0 is stack/local-stack's broker, node id N broker-(N+1). */
    private static String brokerService(int nodeId) {
      return nodeId == 0 ? "broker" : "broker-" + (nodeId + 1);
    }

    int clusterSize() {
      return ((Number) broker.topology().get("clusterSize")).intValue();
    }

    boolean twoInstances() {
      return stack.services().contains("madoguchi-2");
    }
  }

  static List<Scenario> all(int kills) {
    Requirement cluster = f -> f.clusterSize() >= 3 ? null : "needs --cluster (stack/local-stack up --cluster: 3 brokers)";
    Requirement twoInstances = f -> f.twoInstances() ? null : "needs --instances 2 (stack/local-stack up --instances 2)";
    return List.of(
        new Scenario("kill-madoguchi", "kill -9 Madoguchi " + kills + " times at random points, restart each time", List.of(), null, f -> {
          for (int i = 1; i <= kills; i++) {
            f.somewhereBetween(5, 40);
            System.out.printf("  kill %d of %d%n", i, kills);
            f.outage("madoguchi", Outage.KILL, Duration.ZERO);
          }
        }),
        new Scenario("db-30s", "MariaDB stopped for 30 s", List.of(), null, f -> f.outage("mariadb", Outage.STOP, Duration.ofSeconds(30))),
        new Scenario("db-3min", "MariaDB stopped for 3 minutes", List.of(), null, f -> f.outage("mariadb", Outage.STOP, Duration.ofMinutes(3))),
        new Scenario("smtp-paused", "SMTP paused (SIGSTOP) for 2 minutes", List.of(), null, f -> f.outage("maildev", Outage.PAUSE, Duration.ofMinutes(2))),
        new Scenario("smtp-refusing", "SMTP refusing connections (stopped) for 2 minutes", List.of(), null,
            f -> f.outage("maildev", Outage.STOP, Duration.ofMinutes(2))),
        new Scenario("broker-paused", "Zeebe broker paused (SIGSTOP) for 30 s", List.of(), null, f -> f.outage("broker", Outage.PAUSE, Duration.ofSeconds(30))),
        new Scenario("leader-killed", "a broker leading a partition killed mid-load, started again after 30 s", CLUSTER, cluster, f -> {
          String leader = f.partitionLeader();
          if (leader == null) {
            throw new IllegalStateException("no partition has a leader");
          }
          f.outage(leader, Outage.KILL, Duration.ofSeconds(30));
        }),
        // The first instance: the applicants start on it and turn to madoguchi-2 when it does not answer.
        new Scenario("instance-killed", "Madoguchi instance 1 of 2 killed mid-load, started again after 60 s", TWO_INSTANCES, twoInstances,
            f -> f.outage("madoguchi", Outage.KILL, Duration.ofSeconds(60))));
  }
}
