package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.admin.ModelDeployer;
import org.madoguchi.admin.ModelDeployments.Kind;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.VersionTags;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.booking.UsageItem;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.madoguchi.fees.invoicing.Payers;
import org.madoguchi.cases.Submissions;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.madoguchi.testsupport.ApplicantClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fee workers on the real engine, with the deployed DMN {@code fee-schedule}, in a small test
 * process that strings the fee steps of {@code research-support} together (same job types, variables,
 * multi-instance and message): variables arrive as the engine sends them and outputs are what the next
 * step reads. The whole research-support path is tested elsewhere.
 */
@MadoguchiIT
class FeeWorkersIT {

  private static final String CHAIN = "fees-chain-check";
  private static final String ASSESS_ONLY = "fees-assess-check";
  private static final String PRICE_ONLY = "fees-price-check";

  /** The last day of the seeded table's 30 % upkeep share, and the first of its 40 %. */
  private static final LocalDate BEFORE_CHANGE = LocalDate.of(2027, 3, 31);
  private static final LocalDate CHANGED = LocalDate.of(2027, 4, 1);
  private static final String RAISED_SHARE = "<outputEntry id=\"Rule_LargeInstrumentShareFrom202704_Out1\">\n          <text>0.4</text>";

  @Autowired CamundaClient camunda;
  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired Submissions submissions;
  @Autowired CaseFile caseFile;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired FeeStatementRepository statements;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired ModelDeployer deployer;
  @Autowired StatementVersions versions;
  @Autowired Payers payers;

  private final ProcessDriver engine = ProcessDriver.onEmbeddedEngine();
  private FeeCases cases;

  @BeforeEach
  void deploy() {
    cases = new FeeCases(accounts, submissions, caseFile, assessments, delivery, tx);
    camunda.newDeployResourceCommand()
        .addProcessModel(chain(), CHAIN + ".bpmn")
        .addProcessModel(prepareAndAssess(), ASSESS_ONLY + ".bpmn")
        .addProcessModel(priceAndAssess(), PRICE_ONLY + ".bpmn")
        .send()
        .join();
  }

  @Test
  void theScheduleRulesFlowIntoTheStatementAndAnAcceptedStatementIsInvoiced() {
    FeeCases.Applicant applicant = cases.applicant("en");
    CaseSummary c = cases.caseInSupport(applicant, "academic");
    payers.save(c.caseId(), new PayerDetails("Example University", "Structural Biology", null, applicant.email(), "KAKENHI 23H01234", null,
        PayerDetails.BillingCycle.PER_CASE), applicant.email());
    List<Map<String, Object>> feeItems =
        FeeItem.of(
                c,
                List.of(
                    new UsageItem(9_001, "structure", "cryo-em", "instrument-upkeep", "Krios G4", new BigDecimal("7.5"), 33_333, BEFORE_CHANGE),
                    new UsageItem(9_002, "structure", "cryo-em", "reagent", "Grids", new BigDecimal("3"), 12_345, BEFORE_CHANGE),
                    new UsageItem(9_003, "structure", "cryo-em", "operator-time", "Operator", new BigDecimal("8"), 20_000, BEFORE_CHANGE),
                    new UsageItem(9_004, "structure", "cryo-em", "operator-overtime", "Operator overtime", new BigDecimal("1.5"), 25_000, BEFORE_CHANGE),
                    new UsageItem(9_005, "structure", "cryo-em", "instrument-upkeep", "Krios G4", new BigDecimal("1.5"), 33_333, CHANGED)))
            .stream()
            .map(FeeItem::toVariables)
            .toList();

    long instance =
        camunda.newCreateInstanceCommand()
            .bpmnProcessId(CHAIN)
            .latestVersion()
            .variables(Map.of("caseId", c.caseId(), "caseNumber", c.caseNumber(), "feeItems", feeItems, "financeNote", "Checked."))
            .send()
            .join()
            .getProcessInstanceKey();

    await("statement sent").atMost(ProcessDriver.TIMEOUT)
        .until(() -> caseFile.get(c.caseId()).status() == CaseStatus.AWAITING_STATEMENT_RESPONSE);
    FeeStatement statement = statements.findByCaseId(c.caseId()).orElseThrow();
    assertThat(statement.status()).isEqualTo(StatementStatus.ISSUED);
    assertThat(statement.financeNote()).isEqualTo("Checked.");
    assertThat(jdbc.queryForList("select rule_name from fee_lines where statement_id = ? order by line_no", String.class, statement.id()))
        .containsExactly("Share of large-instrument upkeep", "Reagents at cost", "Academic support free of charge",
            "Operator overtime covered like operator time", "Share of large-instrument upkeep (40% from 2027-04-01)");
    assertThat(jdbc.queryForList("select amount_yen from fee_lines where statement_id = ? order by line_no", Long.class, statement.id()))
        .containsExactly(74_999L, 37_035L, 0L, 0L, 19_999L);
    assertThat(jdbc.queryForList("select transaction_date from fee_lines where statement_id = ? order by line_no", LocalDate.class, statement.id()))
        .containsExactly(BEFORE_CHANGE, BEFORE_CHANGE, BEFORE_CHANGE, BEFORE_CHANGE, CHANGED);
    assertThat(statement.totalYen()).isEqualTo(132_033 + 13_203);

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(ApplicantClient.bearerToken(apiTokens, applicant.accountId()));
    var answer =
        rest.exchange("/api/cases/" + c.caseNumber() + "/statement/response", HttpMethod.POST,
                new HttpEntity<>("{\"decision\":\"accept\",\"version\":1}", headers), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);

    engine.awaitInstanceEnded(instance);
    assertThat(engine.completed(instance)).isTrue();
    assertThat(jdbc.queryForObject(
            "select i.invoice_number from invoices i join invoice_statements s on s.invoice_id = i.id where s.statement_id = ?",
            String.class, statement.id()))
        .matches("INV-\\d{4}-\\d{6}");
    assertThat(engine.timesPassed(instance, "IssueInvoice")).isEqualTo(1);
  }

  @Test
  void preparedItemsGoThroughTheScheduleIntoAnAssessment() {
    CaseSummary c = cases.caseInSupport(cases.applicant("ja"), "industry");

    Map<String, Object> result =
        camunda.newCreateInstanceCommand()
            .bpmnProcessId(ASSESS_ONLY)
            .latestVersion()
            .variables(Map.of("caseId", c.caseId()))
            .withResult()
            .fetchVariables("feeItems", "feeRules", "feeTotal", "statementId")
            .requestTimeout(Duration.ofSeconds(60))
            .send()
            .join()
            .getVariablesAsMap();

    FeeStatement statement = statements.findByCaseId(c.caseId()).orElseThrow();
    assertThat(((Number) result.get("statementId")).longValue()).isEqualTo(statement.id());
    assertThat(((Number) result.get("feeTotal")).longValue()).isEqualTo(statement.totalYen());
    assertThat((List<?>) result.get("feeRules")).hasSameSizeAs((List<?>) result.get("feeItems"));
    assertThat(caseFile.get(c.caseId()).status()).isEqualTo(CaseStatus.FEE_ASSESSMENT);
  }

  @Test
  void eachAssessmentRecordsTheFeeTableDeployedWhenItWasPriced() throws IOException {
    byte[] packaged = Files.readAllBytes(Path.of("bpmn/fee-schedule.dmn"));
    String table = new String(packaged, StandardCharsets.UTF_8);
    assertThat(table).contains(RAISED_SHARE);
    try {
      long first = deployFeeSchedule(table, "fees-it-2026-12");
      CaseSummary early = cases.caseInSupport(cases.applicant("en"), "academic");
      long earlyStatement = price(early);

      long second = deployFeeSchedule(table.replace(RAISED_SHARE, RAISED_SHARE.replace("0.4", "0.45")), "fees-it-2027-04");
      CaseSummary late = cases.caseInSupport(cases.applicant("en"), "academic");
      long lateStatement = price(late);

      assertThat(second).isGreaterThan(first);
      assertThat(line(earlyStatement)).containsExactly(CHANGED, new BigDecimal("0.400000"), 32_800L, "fee-schedule v" + first + " (fees-it-2026-12)");
      assertThat(line(lateStatement)).containsExactly(CHANGED, new BigDecimal("0.450000"), 36_900L, "fee-schedule v" + second + " (fees-it-2027-04)");
      assertThat(versions.current(late.caseId()).orElseThrow().feeSchedule()).isEqualTo("fee-schedule v" + second + " (fees-it-2027-04)");
      assertThat(versions.current(late.caseId()).orElseThrow().lines()).extracting(StatementVersion.Line::transactionDate).containsExactly(CHANGED);
    } finally {
      // The packaged table again, for the tests that follow.
      deployer.deploy(Kind.UPLOAD, "fees-it", null, "restore", null, List.of(new ModelFile("fee-schedule.dmn", packaged)));
    }
  }

  /** Deploys the table through the admin console's deployer, tagged; returns the engine's version of the decision. */
  private long deployFeeSchedule(String table, String tag) {
    List<ModelFile> files = VersionTags.apply(List.of(new ModelFile("fee-schedule.dmn", table.getBytes(StandardCharsets.UTF_8))), tag);
    ModelDeployer.Outcome outcome = deployer.deploy(Kind.UPLOAD, "admin@madoguchi.example", tag, "rate change", null, files);
    assertThat(outcome.deployed()).as(outcome.failure()).isTrue();
    return jdbc.queryForObject(
        "select version from model_definitions where deployment_id = ? and definition_id = 'fee-schedule'", Long.class, outcome.deploymentId());
  }

  /** Two hours of academic large-instrument upkeep on the day the raised share starts, through the deployed table. */
  private long price(CaseSummary c) {
    List<Map<String, Object>> feeItems =
        FeeItem.of(c, List.of(new UsageItem(9_101, "structure", "cryo-em", "instrument-upkeep", "Krios G4", new BigDecimal("2"), 41_000, CHANGED)))
            .stream()
            .map(FeeItem::toVariables)
            .toList();
    camunda.newCreateInstanceCommand()
        .bpmnProcessId(PRICE_ONLY)
        .latestVersion()
        .variables(Map.of("caseId", c.caseId(), "feeItems", feeItems))
        .withResult()
        .requestTimeout(Duration.ofSeconds(60))
        .send()
        .join();
    return statements.findByCaseId(c.caseId()).orElseThrow().id();
  }

  private List<Object> line(long statementId) {
    return jdbc.queryForList(
            "select l.transaction_date, l.charge_rate, l.amount_yen, v.fee_schedule from fee_lines l"
                + " join fee_statement_versions v on v.statement_id = l.statement_id and v.version_no = l.version_no"
                + " where l.statement_id = ?",
            statementId)
        .stream()
        .map(row -> List.<Object>of(((java.sql.Date) row.get("transaction_date")).toLocalDate(), row.get("charge_rate"), row.get("amount_yen"), row.get("fee_schedule")))
        .findFirst()
        .orElseThrow();
  }

  /** ApplyFeeSchedule -> AssessFees. */
  private static BpmnModelInstance priceAndAssess() {
    return Bpmn.createExecutableProcess(PRICE_ONLY)
        .startEvent()
        .businessRuleTask("ApplyFeeSchedule", FeeWorkersIT::feeSchedule)
        .serviceTask("AssessFees", t -> t.zeebeJobType("fees.assess"))
        .endEvent()
        .done();
  }

  /** PrepareFeeItems -> ApplyFeeSchedule -> AssessFees, as in research-support. */
  private static BpmnModelInstance prepareAndAssess() {
    return Bpmn.createExecutableProcess(ASSESS_ONLY)
        .startEvent()
        .serviceTask("PrepareFeeItems", t -> t.zeebeJobType("fees.prepare"))
        .businessRuleTask("ApplyFeeSchedule", FeeWorkersIT::feeSchedule)
        .serviceTask("AssessFees", t -> t.zeebeJobType("fees.assess"))
        .endEvent()
        .done();
  }

  /** ApplyFeeSchedule -> AssessFees -> SendStatement -> AwaitStatementResponse -> IssueInvoice. */
  private static BpmnModelInstance chain() {
    return Bpmn.createExecutableProcess(CHAIN)
        .startEvent()
        .businessRuleTask("ApplyFeeSchedule", FeeWorkersIT::feeSchedule)
        .serviceTask("AssessFees", t -> t.zeebeJobType("fees.assess"))
        .serviceTask("SendStatement", t -> t.zeebeJobType("fees.send-statement"))
        .receiveTask("AwaitStatementResponse")
        .message(m -> m.name("statement-response").zeebeCorrelationKeyExpression("caseNumber"))
        .serviceTask("IssueInvoice", t -> t.zeebeJobType("fees.issue-invoice"))
        .endEvent()
        .done();
  }

  private static void feeSchedule(io.camunda.zeebe.model.bpmn.builder.BusinessRuleTaskBuilder task) {
    task.zeebeCalledDecisionId("fee-schedule")
        .zeebeResultVariable("feeRule")
        .multiInstance(
            m -> m.parallel()
                .zeebeInputCollectionExpression("feeItems")
                .zeebeInputElement("feeItem")
                .zeebeOutputCollection("feeRules")
                .zeebeOutputElementExpression("feeRule"));
  }
}
