package org.madoguchi.portal;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.madoguchi.testsupport.PortalBrowser.field;
import static org.madoguchi.testsupport.PortalBrowser.shot;

/**
 * The applicant's actions in a real browser, each through its rendered form file: answer the desk's
 * question (Japanese; a blank answer is stopped at the field and stores nothing), accept the fee statement (English),
 * deposit a dataset (a manifest line the server refuses, shown at that line), report outcomes, cancel a
 * request (and the refusal once that is no longer possible). Another applicant gets a 404 from every
 * action page and every portal submission, and nothing changes. Screenshots go to target/screenshots/.
 */
@MadoguchiIT
class PortalActionsBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired TestRestTemplate rest;

  private final ProcessDriver engine = ProcessDriver.onEmbeddedEngine();

  private Journey journey() {
    return new Journey(engine, jdbc);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Signed in as the applicant (whose account speaks Japanese) in a Japanese browser. */
  private Page signedIn(BrowserContext context, ApplicantClient applicant) {
    return PortalBrowser.signedIn(context, url(""), applicant.email(), "secret-" + applicant.email());
  }

  /** Picks an option of a form-js select: open its list, choose the option by its (translated) label. */
  private static void choose(Page page, String componentId, String label) {
    page.locator("#form [id$='-" + componentId + "-display']").click();
    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText(label)).first().click();
  }

  /** The label form-js rendered for a form field (its text, with a * when required). */
  private static String label(String componentId) {
    return "#form label[for$='-" + componentId + "']";
  }

  private static void openCase(Page page, String base, String caseNumber) {
    page.navigate(base + "/portal/requests/" + caseNumber);
    assertThat(page.locator("#case-number")).hasText(caseNumber);
  }

  @Test
  void theApplicantAnswersTheDesksQuestionThroughTheJapaneseForm() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Journey journey = journey();
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    engine.awaitUserTask(run.instance(), "Consultation");
    journey.deskAsksForInformation(run, "試料の濃度と量を教えてください。");
    journey.awaitStatus(run, "AWAITING_INFORMATION");

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = signedIn(context, applicant);
      // The list points at the action; the case page says what to do, by when, and links to the form.
      assertThat(page.locator("#requests")).containsText(run.caseNumber());
      assertThat(page.locator("#requests a.next-action")).hasAttribute("href", Pattern.compile(".*/" + run.caseNumber() + "/reply$"));
      openCase(page, url(""), run.caseNumber());
      assertThat(page.locator("#timeline")).containsText("窓口からご質問をお送りしました");
      assertThat(page.locator("#todo li[data-kind='reply']")).containsText("窓口からご質問があります");
      assertThat(page.locator("#todo li[data-kind='reply'] .deadline")).containsText("日本時間");
      shot(page, "20-case-todo-reply-ja");
      page.locator("#todo li[data-kind='reply'] a").click();
      page.waitForURL("**/portal/requests/" + run.caseNumber() + "/reply");
      page.locator("#submit-reply").waitFor();

      // The form file's own texts are bilingual; the portal shows the Japanese of the translation file.
      assertThat(page.locator("#form")).containsText("窓口からの質問");
      assertThat(page.locator("#form")).containsText("試料の濃度と量を教えてください。");
      assertThat(page.locator("#form")).not().containsText("Your reply");
      assertThat(page.locator(label("Field_reply"))).hasText(Pattern.compile("^回答\\s*\\*?$"));

      // Blank text: the form's own rule stops it at the field, nothing reaches the server or is stored.
      page.locator(field("Field_reply")).fill("      ");
      page.locator("#submit-reply").click();
      assertThat(page.locator("#form .fjs-form-field-error").first()).isVisible();
      assertThat(journey.status(run)).isEqualTo("AWAITING_INFORMATION");
      assertThat(jdbc.queryForObject("select count(*) from information_requests where case_id = ? and reply is not null",
          Integer.class, run.caseId())).isZero();
      shot(page, "21-reply-form-error-ja");

      page.locator(field("Field_reply")).fill("5 mg/ml で 200 µl、2 本ご用意できます。");
      page.locator("#submit-reply").click();
      page.waitForURL("**/portal/requests/" + run.caseNumber());
      assertThat(page.locator("#action-done")).containsText("回答を窓口に送信しました");
      assertThat(jdbc.queryForObject("select reply from information_requests where case_id = ?", String.class, run.caseId()))
          .isEqualTo("5 mg/ml で 200 µl、2 本ご用意できます。");
      journey.awaitStatus(run, "IN_CONSULTATION");
      shot(page, "22-case-after-reply-ja");

      // The confirmation shows once; the question is no longer open.
      page.reload();
      assertThat(page.locator("#action-done")).hasCount(0);
      Response again = page.navigate(url("/portal/requests/" + run.caseNumber() + "/reply"));
      assertThat(again.status()).isEqualTo(409);
      assertThat(page.locator("#action-problem")).isVisible();
    }
  }

  @Test
  void theApplicantAcceptsTheFeeStatementInEnglish() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Journey journey = journey();
    Map<String, Object> request = applicant.validRequest();
    request.put("applicantCategory", "industry");
    request.put("requestedServices", List.of("cryo-em"));
    CaseRun run = journey.submit(applicant, request);
    engine.awaitUserTask(run.instance(), "Consultation");
    journey.deskAccepts(run, "structure");
    journey.unitAccepts(run, "structure", 2, "cryo-em");
    journey.operatorRecordsSession(run, "structure", 2,
        List.of(Journey.consumable("Quantifoil grids", "consumable", 4, 1_500)), List.of());
    engine.awaitUserTask(run.instance(), "FinanceReview");
    journey.financeApproves(run);
    journey.awaitStatus(run, "AWAITING_STATEMENT_RESPONSE");
    long total = jdbc.queryForObject("select total_yen from fee_statements where case_id = ?", Long.class, run.caseId());

    try (BrowserContext context = browser.context("en-US")) {
      Page page = signedIn(context, applicant);
      page.locator("#lang-en").click();
      page.waitForURL("**/portal/requests");
      openCase(page, url(""), run.caseNumber());
      assertThat(page.locator("#todo li[data-kind='statement']")).containsText("accept or dispute the fee statement");
      page.locator("#todo li[data-kind='statement'] a").click();
      page.waitForURL("**/statement");
      page.locator("#submit-statement").waitFor();

      // The statement lines and the total in yen above the form, the form in English only.
      assertThat(page.locator("#statement-lines tbody tr").first()).isVisible();
      assertThat(page.locator("#statement-total")).hasText(String.format("%,d yen", total));
      assertThat(page.locator("#form")).containsText(String.format("%,d", total));
      assertThat(page.locator("#form")).not().containsText("明細を承認する");
      assertThat(page.getByLabel("Accept the statement", new Page.GetByLabelOptions().setExact(true))).isVisible();
      shot(page, "23-statement-en");

      page.getByLabel("Accept the statement", new Page.GetByLabelOptions().setExact(true)).check();
      page.locator("#submit-statement").click();
      page.waitForURL("**/portal/requests/" + run.caseNumber());
      assertThat(page.locator("#action-done")).containsText("accepted the fee statement");
      assertThat(jdbc.queryForObject("select status from fee_statements where case_id = ?", String.class, run.caseId()))
          .isEqualTo("ACCEPTED");
      shot(page, "24-case-after-statement-en");
    }
  }

  @Test
  void theApplicantDepositsADatasetAndReportsOutcomes() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Journey journey = journey();
    CaseRun run = journey.freeImagingCaseAwaitingDeposit(applicant);
    long datasetId = journey.datasetIds(run).getFirst();
    await().atMost(ProcessDriver.TIMEOUT).until(
        () -> jdbc.queryForObject("select status from datasets where id = ?", String.class, datasetId), "AWAITING_DEPOSIT"::equals);

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = signedIn(context, applicant);
      openCase(page, url(""), run.caseNumber());
      assertThat(page.locator("#todo li[data-kind='deposit']")).containsText("Confocal stacks");
      page.locator("#todo li[data-kind='deposit'] a").click();
      page.waitForURL("**/datasets/" + datasetId + "/deposit");
      page.locator("#submit-deposit").waitFor();
      assertThat(page.locator("#dataset-name")).containsText("Confocal stacks");
      assertThat(page.locator(field("Field_title"))).hasValue("Confocal stacks");
      assertThat(page.locator(label("Field_title"))).hasText(Pattern.compile("^データセット名\\s*\\*?$"));

      page.locator(field("Field_description")).fill("共焦点顕微鏡の z スタック（488/561 nm）。");
      choose(page, "Field_licence", "CC BY 4.0（表示）");
      choose(page, "Field_embargo", "論文発表まで");
      // A path leaving the dataset root passes the form but not the server: the error stands at that manifest line.
      page.locator(field("Field_files_path_0")).fill("../stacks/cell01.tif");
      page.locator(field("Field_files_sizeBytes_0")).fill("104857600");
      page.locator(field("Field_files_sha256_0")).fill("ab".repeat(32));
      page.locator("#submit-deposit").click();
      assertThat(page.locator(".portal-field-error[data-field='files[0].path']")).isVisible();
      assertThat(jdbc.queryForObject("select count(*) from deposits where dataset_id = ?", Integer.class, datasetId)).isZero();
      shot(page, "25-deposit-server-error-ja");

      page.locator(field("Field_files_path_0")).fill("stacks/cell01.tif");
      page.locator("#submit-deposit").click();
      page.waitForURL("**/portal/requests/" + run.caseNumber());
      assertThat(page.locator("#action-done")).containsText("寄託しました");
      assertThat(jdbc.queryForObject("select count(*) from deposits where dataset_id = ?", Integer.class, datasetId)).isEqualTo(1);
      assertThat(jdbc.queryForObject("select status from datasets where id = ?", String.class, datasetId)).isEqualTo("DEPOSITED");
      shot(page, "26-case-after-deposit-ja");

      // Outcomes: a paper by DOI and a seed.
      page.locator("#action-outcomes").click();
      page.waitForURL("**/outcomes");
      page.locator("#submit-outcomes").waitFor();
      page.locator("#form .fjs-repeat-render-add").nth(0).click();
      page.locator(field("Field_papers_doi_0")).fill("10.1038/s41586-020-2649-2");
      page.locator(field("Field_papers_title_0")).fill("A pump caught in the act");
      page.locator("#form .fjs-repeat-render-add").nth(2).click();
      page.locator(field("Field_seeds_description_0")).fill("阻害剤候補 MDG-001");
      choose(page, "Field_seeds_stage_0", "ヒット");
      shot(page, "27-outcomes-ja");
      page.locator("#submit-outcomes").click();
      page.waitForURL("**/portal/requests/" + run.caseNumber());
      assertThat(page.locator("#action-done")).containsText("成果をご報告いただき");
      assertThat(jdbc.queryForList("select kind from outcomes where case_id = ? order by id", String.class, run.caseId()))
          .hasSize(2);
      assertThat(jdbc.queryForObject("select doi from outcomes where case_id = ? and doi is not null", String.class, run.caseId()))
          .isEqualTo("10.1038/s41586-020-2649-2");
    }
  }

  @Test
  void theApplicantCancelsARequestAndCannotCancelOnceInstrumentUseStarted() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Journey journey = journey();
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    engine.awaitUserTask(run.instance(), "Consultation");
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    String depositCase = fixtures.caseNumberOf(fixtures.file(applicant.email(), "DATA_DEPOSIT", "academic", "open"));

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = signedIn(context, applicant);
      openCase(page, url(""), run.caseNumber());
      page.locator("#action-cancel").click();
      page.waitForURL("**/cancel");
      assertThat(page.getByLabel("取り消しの理由（任意）")).isVisible();
      page.getByLabel("取り消しの理由（任意）").fill("共同研究先で先に測定できることになりました。");
      shot(page, "28-cancel-confirm-ja");
      page.locator("#confirm-cancel").click();
      page.waitForURL("**/portal/requests/" + run.caseNumber());
      assertThat(page.locator("#action-done")).containsText("取り消しのお申し出を受け付けました");
      journey.awaitStatus(run, "CANCELLED");
      assertThat(journey.timeline(run)).contains("cancellation-requested", "cancelled");

      // Past instrument use, the page says so instead of offering the form; a forged post changes nothing.
      Response refused = page.navigate(url("/portal/requests/" + depositCase + "/cancel"));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(page.locator("#action-problem")).isVisible();
      assertThat(page.locator("#cancel-form")).hasCount(0);
      shot(page, "29-cancel-refused-ja");
      assertThat(PortalBrowser.postFormWithCsrf(page, "/portal/requests/" + depositCase + "/cancel")).isEqualTo(409);
      assertThat(jdbc.queryForObject("select status from cases where case_number = ?", String.class, depositCase)).isEqualTo("DATA_DEPOSIT");
    }
  }

  @Test
  void anotherApplicantGetsNotFoundFromEveryActionPageAndSubmissionAndNothingChanges() {
    ApplicantClient owner = ApplicantClient.signUp(rest, accounts, apiTokens);
    ApplicantClient other = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    long caseId = fixtures.file(owner.email(), "AWAITING_INFORMATION", "academic", "open");
    String caseNumber = fixtures.caseNumberOf(caseId);
    jdbc.update("insert into information_requests (case_id, element_instance_key, question, requested_at) values (?, ?, 'Which buffer?', now(6))",
        caseId, CaseFixtures.uniqueId());
    String base = "/portal/requests/" + caseNumber;
    String api = "/portal/api/requests/" + caseNumber;
    int eventsBefore = jdbc.queryForObject("select count(*) from case_events where case_id = ?", Integer.class, caseId);

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = signedIn(context, other);
      for (String path : List.of(base, base + "/reply", base + "/statement", base + "/datasets/1/deposit", base + "/outcomes", base + "/cancel")) {
        Response response = page.navigate(url(path));
        assertThat(response.status()).as(path).isEqualTo(404);
        assertThat(page.locator("body")).not().containsText("Which buffer?");
      }
      shot(page, "30-other-applicants-action-404");
      page.navigate(url("/portal/requests"));
      Map<String, String> posts =
          Map.of(
              api + "/reply", "{\"reply\": \"An answer from someone else\"}",
              api + "/statement", "{\"decision\": \"accept\", \"version\": 1}",
              api + "/datasets/1/deposit",
              "{\"title\": \"T\", \"description\": \"D\", \"licence\": \"CC-BY-4.0\", \"embargo\": \"none\","
                  + " \"files\": [{\"path\": \"a.tif\", \"sizeBytes\": 1, \"sha256\": \"" + "a".repeat(64) + "\"}]}",
              api + "/outcomes", "{\"papers\": [{\"doi\": \"10.1000/xyz\"}]}");
      posts.forEach(
          (path, body) -> {
            Object status = page.evaluate(
                "async ([p, b]) => { const h = {'Content-Type': 'application/json'};"
                    + " h[document.querySelector('meta[name=_csrf_header]').content] = document.querySelector('meta[name=_csrf]').content;"
                    + " return (await fetch(p, {method: 'POST', headers: h, body: b})).status; }",
                List.of(path, body));
            assertThat(((Number) status).intValue()).as(path).isEqualTo(404);
          });
      assertThat(PortalBrowser.postFormWithCsrf(page, base + "/cancel")).isEqualTo(404);
    }
    assertThat(fixtures.statusOf(caseId)).isEqualTo("AWAITING_INFORMATION");
    assertThat(jdbc.queryForObject("select count(*) from case_events where case_id = ?", Integer.class, caseId)).isEqualTo(eventsBefore);
    assertThat(jdbc.queryForObject("select count(*) from information_requests where case_id = ? and reply is not null", Integer.class, caseId)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from outcomes where case_id = ?", Integer.class, caseId)).isZero();
  }
}
