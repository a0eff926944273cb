package org.madoguchi.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks at the end of a scenario, over the cases it made: every case has exactly one live
 * process instance in Operate (the one the case file names), every mail is in the sink exactly once
 * by Message-ID, every engine command was written once and delivered, no two live bookings of an
 * instrument overlap, and no incident appeared.
 */
final class Audit {

  /** One row of the results table, with what each non-zero count is made of. */
  record Result(String scenario, int journeys, int completed, int lost, int duplicated, int doubleBooked, int incidents,
      Duration recovery, String note, List<String> problems) {

    static Result skipped(String scenario, String reason) {
      return new Result(scenario, 0, 0, 0, 0, 0, 0, null, "skipped: " + reason, List.of());
    }

    boolean skipped() {
      return note != null && note.startsWith("skipped");
    }

    boolean failed() {
      return !skipped() && (lost + duplicated + doubleBooked + incidents > 0 || completed < journeys || note != null);
    }
  }

  private final Database database;
  private final Apis.Camunda camunda;
  private final Apis.MailSink mailSink;

  Audit(Database database, Apis.Camunda camunda, Apis.MailSink mailSink) {
    this.database = database;
    this.camunda = camunda;
    this.mailSink = mailSink;
  }

  /** The active incidents' keys (a scenario counts those that were not there when it began). */
  Set<Object> incidentKeys() {
    return camunda.operate("incidents", Map.of("state", "ACTIVE")).stream().map(i -> i.get("key")).collect(Collectors.toSet());
  }

  /** The keys of the case's research-support instances Operate has, not counting cancelled ones. */
  List<Long> liveInstances(String caseNumber) {
    Set<Long> keys = camunda.operate("variables", Map.of("name", "caseNumber", "value", "\"" + caseNumber + "\"")).stream()
        .map(v -> ((Number) v.get("processInstanceKey")).longValue()).collect(Collectors.toSet());
    List<Long> live = new ArrayList<>();
    for (long key : keys) {
      camunda.operate("process-instances", Map.of("key", key)).stream()
          .filter(p -> "research-support".equals(p.get("bpmnProcessId")) && !"CANCELED".equals(p.get("state")))
          .forEach(p -> live.add(key));
    }
    return live;
  }

  Result check(String scenario, String tag, Set<String> acknowledged, Set<Object> incidentsBefore, Duration recovery, String note) {
    List<String> problems = new ArrayList<>();
    List<Database.Case> cases = database.cases(tag);
    int lost = 0;
    int duplicated = 0;
    Set<String> numbers = new HashSet<>();
    for (Database.Case c : cases) {
      numbers.add(c.number());
      List<Long> live = liveInstances(c.number());
      if (live.isEmpty()) {
        lost++;
        problems.add("lost: " + c.number() + " (" + c.status() + ") has no live research-support instance in Operate");
      } else if (live.size() > 1) {
        duplicated++;
        problems.add("duplicated: " + c.number() + " has " + live.size() + " live instances " + live);
      } else if (!live.getFirst().equals(c.instanceKey())) {
        lost++;
        problems.add("lost: " + c.number() + " names instance " + c.instanceKey() + ", Operate has " + live.getFirst());
      }
      if (!c.status().equals("CLOSED")) {
        problems.add("not completed: " + c.number() + " is " + c.status());
      }
    }
    for (String number : acknowledged) {
      if (!numbers.contains(number)) {
        lost++;
        problems.add("lost: the API answered " + number + ", the database has no such case");
      }
    }
    Map<String, Integer> received = mailSink.messageIds();
    List<Database.OutboxRow> mails = database.mails(tag);
    List<Database.OutboxRow> commands = database.commands(tag);
    System.out.printf("  checked %d cases in Operate, %d mails in the sink, %d engine commands%n", cases.size(), mails.size(), commands.size());
    for (Database.OutboxRow mail : mails) {
      int copies = received.getOrDefault("outbox-" + mail.id() + "@madoguchi", 0);
      if (copies == 0) {
        lost++;
        problems.add("lost: mail " + mail.id() + " not in the sink (" + (mail.dead() ? "dead" : mail.sent() ? "marked sent" : "still due") + ")");
      } else if (copies > 1) {
        duplicated++;
        problems.add("duplicated: mail " + mail.id() + " received " + copies + " times");
      }
    }
    for (Database.OutboxRow command : commands) {
      if (!command.sent()) {
        lost++;
        problems.add("lost: engine command " + command.id() + (command.dead() ? " dead" : " never delivered"));
      }
    }
    for (String twin : database.duplicatedCommands(tag)) {
      duplicated++;
      problems.add("duplicated: engine command " + twin);
    }
    List<String> overlaps = database.overlappingBookings();
    overlaps.forEach(o -> problems.add("double-booked: " + o));
    Set<Object> incidents = new HashSet<>(incidentKeys());
    incidents.removeAll(incidentsBefore);
    for (Map<String, Object> incident : camunda.operate("incidents", Map.of("state", "ACTIVE"))) {
      if (incidents.contains(incident.get("key"))) {
        problems.add("incident: " + incident.get("type") + " in instance " + incident.get("processInstanceKey") + ": " + incident.get("message"));
      }
    }
    int completed = (int) cases.stream().filter(c -> c.status().equals("CLOSED")).count();
    return new Result(scenario, cases.size(), completed, lost, duplicated, overlaps.size(), incidents.size(), recovery, note, problems);
  }
}
