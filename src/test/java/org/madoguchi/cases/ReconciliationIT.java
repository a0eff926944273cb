package org.madoguchi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.EmbeddedZeebe;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.testsupport.ProcessDriver;
import org.madoguchi.workflow.WorkflowCommands;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each reconciliation rule on the real engine, with the disagreement made to happen: a start the engine
 * "accepted" and never ran, a command the outbox gave up on, a message nobody took up in its TTL.
 * No grace, so a run right after the disagreement sees it; the schedule stays out of the way.
 */
@MadoguchiIT
// A context of its own, closed after the class: its outbox relays would take other tests' mail and commands.
@DirtiesContext
@TestPropertySource(properties = {
    "madoguchi.reconciliation.grace=PT0S",
    "madoguchi.reconciliation.interval=PT1H",
    "madoguchi.outbox.max-attempts=1"})
class ReconciliationIT {

  private static final String PASSWORD = "reconciliation password 1";

  @Autowired Reconciliation reconciliation;
  @Autowired WorkflowCommands workflow;
  @Autowired CaseFile caseFile;
  @Autowired Accounts accounts;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  private final String marker = "rc" + System.nanoTime();
  private final String applicant = "applicant-" + marker + "@lab.example.ac.jp";

  @Test
  void aStartTheEngineAcceptedButNeverRanIsStartedAgainAndARepeatIsCancelled() {
    long caseId = newCase("SUBMITTED");
    transactions.executeWithoutResult(status -> {
      workflow.startProcess(Submissions.PROCESS_ID, startVariables(caseId), caseId);
      // The engine answered, then lost the instance (e.g. a broker restored from an older snapshot).
      jdbc.update("update workflow_commands set sent_at = now(6) where case_id = ?", caseId);
    });
    assertThat(processInstanceOf(caseId)).isNull();

    reconciliation.run();

    Long instance = await("registered").atMost(ProcessDriver.TIMEOUT).until(() -> processInstanceOf(caseId), key -> key != null);
    assertThat(new CaseFixtures(jdbc).statusOf(caseId)).isEqualTo("IN_CONSULTATION");
    assertThat(actions(caseId)).contains("process-restarted", "registered");

    // Another start for the same case (the first did run): register keeps the first and cancels the new one.
    long before = lastPosition();
    transactions.executeWithoutResult(status -> workflow.restartProcess(caseId));
    await("duplicate cancelled").atMost(ProcessDriver.TIMEOUT).until(() -> terminatedSince(before) > 0);
    assertThat(processInstanceOf(caseId)).isEqualTo(instance);
    reconciliation.run();
    assertThat(actions(caseId).stream().filter("process-restarted"::equals)).hasSize(1);
  }

  @Test
  void aCommandTheOutboxGaveUpOnIsFlaggedUntilItIsDelivered() {
    long caseId = newCase("IN_CONSULTATION");
    // The engine refuses it (no such process) and, with one attempt allowed, the outbox gives up at once.
    transactions.executeWithoutResult(status -> workflow.startProcess("no-such-process", Map.of("caseId", caseId), caseId));
    await("dead-lettered").atMost(ProcessDriver.TIMEOUT)
        .until(() -> jdbc.queryForObject("select count(*) from workflow_commands where case_id = ? and dead_at is not null", Integer.class, caseId) == 1);

    reconciliation.run();
    reconciliation.run();

    List<Reconciliation.Flag> flags = reconciliation.openFlags(caseId);
    assertThat(flags).singleElement().satisfies(flag -> {
      assertThat(flag.rule()).isEqualTo(Reconciliation.COMMAND_DEAD);
      assertThat(flag.reason()).contains("start no-such-process").contains("NOT_FOUND");
    });
    assertThat(actions(caseId).stream().filter("engine-disagreement-flagged"::equals)).hasSize(1);
    assertThat(meters.get("madoguchi.reconciliation.flagged.cases").gauge().value()).isGreaterThanOrEqualTo(1);
    assertConsoleShowsTheFlag(caseId, "start no-such-process");

    // An operator re-queued it and it went through (as the outbox would mark it): the flag is resolved.
    jdbc.update("update workflow_commands set dead_at = null, sent_at = now(6) where case_id = ?", caseId);
    reconciliation.run();
    assertThat(reconciliation.openFlags(caseId)).isEmpty();
  }

  @Test
  void aMessageNobodyTookUpWithinItsTtlIsFlaggedAndOneFollowedByAStepIsNot() {
    long dropped = newCase("AWAITING_INFORMATION");
    long followed = newCase("AWAITING_INFORMATION");
    for (long caseId : List.of(dropped, followed)) {
      // Nobody subscribes to this message name: the engine buffers it for its TTL, then drops it.
      transactions.executeWithoutResult(status -> workflow.publishMessage(
          "test.nobody-waits", marker + caseId, "reply:" + marker + caseId, Map.of(), caseId, Duration.ofSeconds(1)));
    }
    await("both delivered").atMost(ProcessDriver.TIMEOUT).until(() -> jdbc.queryForObject(
        "select count(*) from workflow_commands where case_id in (?, ?) and sent_at is not null", Integer.class, dropped, followed) == 2);
    // A step of the process recorded after the message: the engine took it up.
    transactions.executeWithoutResult(status ->
        caseFile.record(followed, new CaseEvent.FeeAssessmentStarted(), Actor.system(), null));

    await("flagged").atMost(ProcessDriver.TIMEOUT).until(() -> {
      reconciliation.run();
      return !reconciliation.openFlags(dropped).isEmpty();
    });
    await("the other's TTL over too").atMost(ProcessDriver.TIMEOUT).until(() -> jdbc.queryForObject(
        "select date_add(sent_at, interval ttl_seconds second) < now(6) from workflow_commands where case_id = ?", Boolean.class, followed));
    reconciliation.run();

    assertThat(reconciliation.openFlags(dropped)).singleElement().satisfies(flag -> {
      assertThat(flag.rule()).isEqualTo(Reconciliation.MESSAGE_NOT_TAKEN_UP);
      assertThat(flag.reason()).contains("test.nobody-waits").contains("reply:" + marker + dropped);
    });
    assertThat(reconciliation.openFlags(followed)).isEmpty();
    assertThat(actions(dropped)).contains("engine-disagreement-flagged");
  }

  private void assertConsoleShowsTheFlag(long caseId, String reason) {
    String staff = "admin-" + marker + "@madoguchi.example";
    Account account = accounts.ensure(staff, PASSWORD, "Admin Person", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(StaffGroup.ADMINS));
    PortalSession console = new PortalSession(port);
    console.signIn(staff, PASSWORD);
    String caseNumber = new CaseFixtures(jdbc).caseNumberOf(caseId);

    String page = console.get("/console/cases/" + caseNumber).body();
    assertThat(page).contains("id=\"reconciliation-flags\"").contains(reason);
    String flaggedList = console.get("/console?flagged=true&q=" + marker).body();
    assertThat(flaggedList).contains(caseNumber).contains("badge late flagged");
  }

  private long newCase(String status) {
    accounts.ensure(applicant, PASSWORD, "Applicant", "en", Set.of(Role.APPLICANT));
    long caseId = new CaseFixtures(jdbc).file(applicant, status, "academic", "open");
    jdbc.update("update cases set title = ? where id = ?", "Reconciliation " + marker, caseId);
    return caseId;
  }

  private Map<String, Object> startVariables(long caseId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", caseId);
    variables.put("caseNumber", new CaseFixtures(jdbc).caseNumberOf(caseId));
    variables.put("caseTitle", "Reconciliation " + marker);
    variables.put("applicantName", "田中 葵 (Example University)");
    variables.put("applicantCategory", "academic");
    variables.put("fastTrack", false);
    variables.put("requestedServices", List.of("cryo-em"));
    variables.put("language", "ja");
    return variables;
  }

  private Long processInstanceOf(long caseId) {
    return jdbc.queryForObject("select process_instance_key from cases where id = ?", Long.class, caseId);
  }

  private List<String> actions(long caseId) {
    return jdbc.queryForList("select action from case_events where case_id = ? order by id", String.class, caseId);
  }

  private static List<Record<?>> processRecords() {
    return StreamSupport.stream(EmbeddedZeebe.start().records().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE && r.getRecordType() == RecordType.EVENT)
        .toList();
  }

  private static long lastPosition() {
    return processRecords().stream().mapToLong(Record::getPosition).max().orElse(0);
  }

  private static long terminatedSince(long position) {
    return processRecords().stream()
        .filter(r -> r.getPosition() > position && r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .filter(v -> v.getBpmnElementType() == BpmnElementType.PROCESS && Submissions.PROCESS_ID.equals(v.getBpmnProcessId()))
        .count();
  }
}
