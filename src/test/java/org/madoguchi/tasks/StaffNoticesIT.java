package org.madoguchi.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.EmbeddedSmtp;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff hear about their work, in their language, once: the desk about a new case, a group about its
 * overdue task, each person in a daily digest (unless switched off). The schedule runs at moved
 * instants, as the clock would reach them.
 */
@MadoguchiIT
class StaffNoticesIT {

  private static final String PASSWORD = "staff-password-1";

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired StaffTasks staffTasks;
  @Autowired StaffNotices notices;
  @Autowired NoticeSchedule schedule;
  @Autowired NoticeSettings settings;
  @LocalServerPort int port;

  private Journey journey;

  @BeforeEach
  void setUp() {
    journey = new Journey(ProcessDriver.onEmbeddedEngine(), jdbc);
  }

  @Test
  void theDeskHearsOfANewCaseThenOfItsOverdueConsultationOnceAndInTheDigestUnlessSwitchedOff() {
    Account japanese = staff("ja", StaffGroup.DESK);
    Account english = staff("en", StaffGroup.DESK);
    Account silent = staff("en", StaffGroup.DESK);
    settings.setDigestEnabled(silent.id(), false);
    Account finance = staff("en", StaffGroup.FINANCE);
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    journey.engine().awaitUserTask(run.instance(), "Consultation");
    StaffTask consultation = staffTasks.openForCase(run.caseId()).getFirst();
    String caseLink = "/console/cases/" + run.caseNumber();

    // New case: every desk person, in their language, with the link to the case page; no one else.
    assertThat(body(mailTo(japanese, "【" + run.caseNumber() + "】新しい支援申請が届きました"))).contains(caseLink);
    assertThat(body(mailTo(english, "[" + run.caseNumber() + "] New support request for the desk"))).contains(caseLink);
    notices.newCase(run.caseId());
    assertThat(mails(StaffNotices.NEW_CASE + ":" + run.caseId() + ":%")).isEqualTo(count(StaffGroup.DESK));
    assertThat(mailsTo(finance)).isZero();
    assertThat(journey.mailTemplates(run)).as("staff mails are not the applicant's").containsExactly("case-confirmation");

    // The first digest of the day lists the new task; the day's digest goes out once, not to the silent person.
    Instant morning = consultation.openedAt().plus(Duration.ofHours(1));
    assertThat(schedule.digest(morning)).isPositive();
    assertThat(schedule.digest(morning.plusSeconds(60))).as("the day is done").isZero();
    assertThat(body(mailTo(english, "Your tasks today:"))).contains(run.caseNumber(), "Consultation at the desk", caseLink);
    assertThat(body(mailTo(japanese, "本日のタスク:"))).contains(run.caseNumber(), "窓口での相談");

    // Overdue: one reminder per person, however often the sweep runs.
    Instant late = consultation.dueAt().plus(Duration.ofMinutes(1));
    assertThat(schedule.remindOverdue(late)).isPositive();
    schedule.remindOverdue(late.plus(Duration.ofHours(1)));
    assertThat(mails(StaffNotices.OVERDUE + ":" + consultation.elementInstanceKey() + ":%")).isEqualTo(count(StaffGroup.DESK));
    assertThat(body(mailTo(english, "[" + run.caseNumber() + "] Overdue: Consultation at the desk"))).contains(caseLink);

    // The next day's digest lists it as overdue, not as new.
    assertThat(schedule.digest(late.plus(Duration.ofDays(1)))).isPositive();
    String overdueDigest = digests(english).getLast();
    assertThat(overdueDigest.substring(overdueDigest.indexOf("Overdue tasks"))).contains(run.caseNumber(), caseLink);
    assertThat(digests(english)).hasSize(2);
    assertThat(digests(silent)).as("switched off").isEmpty();
  }

  @Test
  void staffSwitchTheirDigestOffOnTheSettingsPageAndApplicantsMayNotSeeIt() {
    Account person = staff("en", StaffGroup.DESK);
    PortalSession session = new PortalSession(port);
    session.signIn(person.email(), PASSWORD);
    assertThat(session.get("/account/notifications").body()).contains("checked");

    assertThat(session.postForm("/account/notifications", Map.of()).headers().firstValue("Location").orElse(""))
        .endsWith("/account/notifications?saved");
    assertThat(settings.digestEnabled(person.id())).isFalse();
    assertThat(session.postFormWithoutCsrf("/account/notifications", Map.of("digest", "true")).statusCode()).isEqualTo(403);
    assertThat(settings.digestEnabled(person.id())).isFalse();
    session.postForm("/account/notifications", Map.of("digest", "true"));
    assertThat(settings.digestEnabled(person.id())).isTrue();

    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    PortalSession applicantSession = new PortalSession(port);
    applicantSession.signIn(applicant.email(), "secret-" + applicant.email());
    assertThat(applicantSession.get("/account/notifications").statusCode()).isEqualTo(403);
  }

  private Account staff(String language, StaffGroup group) {
    Account account = accounts.ensure("staff-" + UUID.randomUUID() + "@madoguchi.example", PASSWORD, "Staff " + language, language, Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
    return account;
  }

  private int count(StaffGroup group) {
    return accounts.staffIn(group).size();
  }

  private int mails(String dedupePattern) {
    return jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key like ?", Integer.class, dedupePattern);
  }

  private int mailsTo(Account account) {
    return jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, account.email());
  }

  /** The digests queued for the person, oldest first. */
  private List<String> digests(Account account) {
    return jdbc.queryForList("select body from mail_outbox where recipient = ? and template = ? order by id",
        String.class, account.email(), StaffNotices.DIGEST);
  }

  /** Waits for the mail to the person whose subject starts so (other cases' mails may come between). */
  private static MimeMessage mailTo(Account account, String subjectStart) {
    return await("mail to " + account.email() + ": " + subjectStart).atMost(ProcessDriver.TIMEOUT)
        .until(() -> EmbeddedSmtp.awaitMailTo(account.email(), 1).stream().filter(m -> subject(m).startsWith(subjectStart)).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static String body(MimeMessage message) {
    try {
      return String.valueOf(message.getContent());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
