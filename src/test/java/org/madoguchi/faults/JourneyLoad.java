package org.madoguchi.faults;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madoguchi.bench.BenchJourney;
import org.madoguchi.testsupport.Journey;

/**
 * Keeps a fixed number of journeys in flight and plays every person in them, once a second, whatever
 * is down: the applicants submit, accept the fee statement and deposit the dataset through the REST
 * API; the staff complete the open user tasks (from the broker's exported records) through the
 * broker's REST API, with what their forms would send (the journey of the benchmark: an industry
 * cryo-EM case with a fee). A call that fails is simply made again on a later round, as a person
 * would try again.
 */
final class JourneyLoad implements AutoCloseable {

  private final Apis.UserTaskRecords userTasks;
  private final Apis.Broker broker;
  private final List<Apis.Applicant> applicants;
  private final Database database;
  private final String tag;
  private final int inFlight;
  private final Thread thread;
  private volatile boolean submitting = true;
  private volatile boolean running = true;

  // robot thread only
  private final Set<String> completedTasks = new HashSet<>();
  private final Map<String, Integer> reschedules = new HashMap<>();
  private final Set<String> answered = new HashSet<>();
  private final Set<Long> deposited = new HashSet<>();
  private final Set<String> unknownTasks = new LinkedHashSet<>();
  private final Set<String> acknowledged = new LinkedHashSet<>();
  private final List<Served> served = new ArrayList<>();
  private int submissions;
  private String lastTrouble = "";

  JourneyLoad(Apis.UserTaskRecords userTasks, Apis.Broker broker, List<Apis.Applicant> applicants, Database database, String tag, int inFlight) {
    this.userTasks = userTasks;
    this.broker = broker;
    this.applicants = applicants;
    this.database = database;
    this.tag = tag;
    this.inFlight = inFlight;
    this.thread = new Thread(this::loop, "faults-load-" + tag);
    thread.setDaemon(true);
    thread.start();
  }

  /** One applicant request that Madoguchi answered: when, for which case, which step, at which instance's address. */
  record Served(Instant at, String caseNumber, String step, URI instance, int status) {}

  /** From now on, only the journeys already submitted are played to their end. */
  void stopSubmitting() {
    submitting = false;
  }

  /** Every applicant request Madoguchi answered, in order. */
  synchronized List<Served> served() {
    return List.copyOf(served);
  }

  /** The case numbers the API answered with (each must be in the database with one process instance). */
  synchronized Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(60_000);
    if (!unknownTasks.isEmpty()) {
      System.out.println("  tasks this journey never meets, left open: " + unknownTasks);
    }
  }

  private void loop() {
    while (running) {
      // Each part on its own: the engine's side goes on while Madoguchi or its database is down.
      attempt(this::completeStaffTasks);
      attempt(() -> {
        List<Database.Case> cases = database.cases(tag);
        cases.forEach(this::applicantSteps);
        long open = cases.stream().filter(c -> !c.ended()).count();
        for (long i = open; submitting && i < inFlight; i++) {
          submit();
        }
      });
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Runs one part of a round; what fails is logged once (not once a second) and tried again next round. */
  private void attempt(Runnable part) {
    try {
      part.run();
    } catch (RuntimeException e) {
      String message = e instanceof Apis.Unavailable ? e.getMessage() : e.toString();
      if (!message.equals(lastTrouble)) {
        System.out.println("  (load) " + message);
        lastTrouble = message;
      }
    }
  }

  private void submit() {
    Apis.Applicant applicant = applicants.get(submissions % applicants.size());
    Map<String, Object> request = BenchJourney.request(applicant.email());
    request.put("title", tag + " #" + (submissions + 1) + " " + request.get("title"));
    submissions++;
    Apis.Answer answer = applicant.post("/api/cases", request);
    if (!answer.ok()) {
      throw new IllegalStateException("submission refused: " + answer.status() + " " + answer.body());
    }
    String caseNumber = String.valueOf(answer.read(new TypeReference<Map<String, Object>>() {}).get("caseNumber"));
    synchronized (this) {
      acknowledged.add(caseNumber);
      served.add(new Served(Instant.now(), caseNumber, "submit", answer.uri(), answer.status()));
    }
  }

  private void completeStaffTasks() {
    for (Apis.UserTaskRecords.OpenTask task : userTasks.open()) {
      String key = task.key();
      String element = task.elementId();
      if (completedTasks.contains(key)) {
        continue; // the exporter writes the completion a moment later
      }
      String instance = task.processInstanceKey();
      Map<String, Object> form = BenchJourney.staffForm(element, reschedules.getOrDefault(instance, 0));
      if (form == null) {
        unknownTasks.add(element);
        continue;
      }
      int status = broker.completeUserTask(key, form);
      // 404: completed already (an earlier answer was lost); 409: no longer completable.
      if (status / 100 == 2 || status == 404 || status == 409) {
        completedTasks.add(key);
        if (element.equals("Reschedule")) {
          reschedules.merge(instance, 1, Integer::sum);
        }
      } else {
        throw new IllegalStateException("completing " + element + " " + key + " -> " + status);
      }
    }
  }

  private void applicantSteps(Database.Case c) {
    if (c.status().equals("AWAITING_STATEMENT_RESPONSE") && !answered.contains(c.number())) {
      Apis.Answer answer = applicantOf(c).post("/api/cases/" + c.number() + "/statement/response", Map.of("decision", "accept", "version", 1));
      record(c, "accept fee statement", answer);
      if (answer.ok() || answer.status() == 409) {
        answered.add(c.number());
      }
    }
    if (c.status().equals("DATA_DEPOSIT")) {
      for (long dataset : database.datasetsAwaitingDeposit(c.id())) {
        if (!deposited.contains(dataset)) {
          Apis.Answer answer = applicantOf(c).post("/api/cases/" + c.number() + "/datasets/" + dataset + "/deposit", Journey.deposit());
          record(c, "deposit dataset " + dataset, answer);
          if (answer.ok() || answer.status() == 409) {
            deposited.add(dataset);
          }
        }
      }
    }
  }

  private synchronized void record(Database.Case c, String step, Apis.Answer answer) {
    served.add(new Served(Instant.now(), c.number(), step, answer.uri(), answer.status()));
  }

  private Apis.Applicant applicantOf(Database.Case c) {
    return applicants.stream().filter(a -> a.email().equalsIgnoreCase(c.email())).findFirst().orElseThrow();
  }
}
