package org.madoguchi.portal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.ApplicantCaseQueries;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.audit.CaseEventType;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.consultation.ConsultationService;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import static org.assertj.core.api.Assertions.assertThat;

/** The case page's panels: current step on the diagram, dates to meet, mails sent; the diagram's model file. */
@MadoguchiIT
class CaseOverviewIT {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Tokyo"));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired CaseFile caseFile;
  @Autowired ConsultationService consultation;
  @Autowired TransactionTemplate transactions;

  private String applicant() {
    return applicant("en");
  }

  private String applicant(String language) {
    String email = "overview-" + System.nanoTime() + "@lab.example.ac.jp";
    accounts.ensure(email, "overview password", "Overview Applicant", language, Set.of(Role.APPLICANT));
    return email;
  }

  @Test
  void awaitingInformationShowsTheReplyDeadlineTheStepAndTheMail() {
    String email = applicant();
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    long caseId = fixtures.file(email, "IN_CONSULTATION", "academic", "open");
    consultation.requestInformation(caseId, CaseFixtures.uniqueId(), "Which buffer is the sample in?");
    long accountId = fixtures.accountIdOf(email);
    Instant askedAt = consultation.exchanges(fixtures.caseNumberOf(caseId), accountId).getFirst().askedAt();

    PortalSession browser = new PortalSession(port);
    browser.signIn(email, "overview password");
    HttpResponse<String> page = browser.get("/portal/requests/" + fixtures.caseNumberOf(caseId));

    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("data-step=\"AwaitApplicantReply\"");
    assertThat(html).contains("Current step: Waiting for your reply");
    assertThat(html).contains("data-kind=\"info-reply\"");
    assertThat(html).contains(DATE.format(askedAt.plus(Duration.ofDays(21))));
    String subject = jdbc.queryForObject("select subject from mail_outbox where case_id = ? and template = 'info-request'", String.class, caseId);
    assertThat(html).contains("id=\"case-mails\"").contains(org.springframework.web.util.HtmlUtils.htmlEscape(subject));
    assertThat(html).doesNotContain("id=\"fee-documents\"");
  }

  @Test
  void inConsultationShowsTheDesksDueDateAndNoMailsOfOtherCases() {
    String email = applicant();
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    long caseId = fixtures.file(email, "IN_CONSULTATION", "academic", "open");
    transactions.executeWithoutResult(s -> caseFile.record(caseId, new CaseEvent.Registered(), Actor.system(), null));
    Instant registeredAt =
        caseFile.history(caseId).stream().filter(e -> e.is(CaseEventType.REGISTERED)).findFirst().orElseThrow().at();
    long otherCase = fixtures.file(email, "IN_CONSULTATION", "academic", "open");
    consultation.requestInformation(otherCase, CaseFixtures.uniqueId(), "A question on the other case");

    PortalSession browser = new PortalSession(port);
    browser.signIn(email, "overview password");
    String html = browser.get("/portal/requests/" + fixtures.caseNumberOf(caseId)).body();

    assertThat(html).contains("data-step=\"Consultation\"");
    assertThat(html).contains("data-kind=\"consultation\"").contains(DATE.format(registeredAt.plus(Duration.ofDays(5))));
    assertThat(html).doesNotContain("data-kind=\"info-reply\"");
    assertThat(html).doesNotContain("id=\"case-mails\"");
  }

  @Test
  void theTimelineSpeaksTheApplicantsLanguage() {
    String japanese = applicant("ja");
    String english = applicant("en");
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    long japaneseCase = fixtures.file(japanese, "IN_CONSULTATION", "academic", "open");
    long englishCase = fixtures.file(english, "IN_CONSULTATION", "academic", "open");
    for (long caseId : new long[] {japaneseCase, englishCase}) {
      transactions.executeWithoutResult(s -> caseFile.record(caseId, new CaseEvent.Registered(), Actor.system(), null));
      consultation.requestInformation(caseId, CaseFixtures.uniqueId(), "Which buffer is the sample in?");
    }

    String ja = timelineOf(japanese, fixtures.caseNumberOf(japaneseCase));
    String en = timelineOf(english, fixtures.caseNumberOf(englishCase));

    assertThat(ja).contains("窓口で登録しました", "自動処理", "窓口からご質問をお送りしました", "担当: 窓口", "Which buffer is the sample in?");
    assertThat(ja).doesNotContain("Registered by the desk", "The desk asked a question");
    assertThat(en).contains("Registered by the desk", "Automatic", "The desk asked a question", "Staff: Service desk", "Which buffer is the sample in?");
    assertThat(en).doesNotContain("窓口");
  }

  private String timelineOf(String email, String caseNumber) {
    PortalSession browser = new PortalSession(port);
    browser.signIn(email, "overview password");
    String html = browser.get("/portal/requests/" + caseNumber).body();
    return html.substring(html.indexOf("id=\"timeline\""), html.indexOf("</ol>", html.indexOf("id=\"timeline\"")));
  }

  @Test
  void theDiagramIsTheModelFileForSignedInApplicantsOnly() {
    String email = applicant();
    PortalSession browser = new PortalSession(port);
    assertThat(browser.get("/portal/api/models/research-support.bpmn").statusCode()).isEqualTo(401);
    browser.signIn(email, "overview password");
    HttpResponse<String> model = browser.get("/portal/api/models/research-support.bpmn");
    assertThat(model.statusCode()).isEqualTo(200);
    assertThat(model.body()).contains("<bpmn:process id=\"research-support\"").contains("id=\"AwaitApplicantReply\"");
  }
}
