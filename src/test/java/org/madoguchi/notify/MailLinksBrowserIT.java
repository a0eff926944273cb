package org.madoguchi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every mail template under {@code mail/}, in both languages, rendered with realistic values for a case
 * in the state the mail is sent in; every link in it followed in Chromium by the person the mail goes to
 * (signing in when the page asks), who must arrive on the page the mail means, with status 200. A
 * template missing from {@link #readers} fails, so a new mail cannot ship with links nobody followed.
 */
@MadoguchiIT
class MailLinksBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String PASSWORD = "mail-links-password";
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  /** The case page: its number in the heading. */
  private static final String CASE_PAGE = "#case-number";
  /** An action page whose form is open: form-js rendered it with its submit button. */
  private static final String OPEN_ACTION = "[id^='submit-']";
  /** The staff console's case page (its number in the heading, as the portal's). */
  private static final String STAFF_CASE_PAGE = "#case-number";
  /** The staff person's notification settings: the digest switch. */
  private static final String NOTIFICATION_SETTINGS = "#digest";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired MailTemplates templates;
  @Autowired MadoguchiProperties properties;
  @Autowired CaseFile caseFile;
  @Autowired MessageSource messages;
  @Autowired TransactionTemplate tx;

  /**
   * Who reads a mail: prepares what the mail was sent about and says where its link must lead, and
   * which button there, if any, the reader presses to do what the mail asks. A reader without an account
   * ({@code email} null) gets a mail without links.
   */
  private record Reading(Map<String, Object> values, String email, String expectedPage, Press press) {
    Reading(Map<String, Object> values, String email, String expectedPage) {
      this(values, email, expectedPage, null);
    }
  }

  /** Pressing {@code button} leads to {@code expectedPage}; {@code done} is false before and true after. */
  private record Press(String button, String expectedPage, BooleanSupplier done) {}

  /**
   * The reader of each template, from the language of the mail. Staff mails go to a staff person
   * ({@link #staffReading}) and open console pages.
   */
  private final Map<String, Function<String, Reading>> readers =
      Map.ofEntries(
          Map.entry("account-verification", this::newAccountHolder),
          Map.entry("password-reset", this::accountHolderWhoForgot),
          Map.entry("account-signup-attempt", language -> accountHolderToldAbout(language, Map.of())),
          Map.entry("account-locked", language -> accountHolderToldAbout(language, Map.of("minutes", 15))),
          Map.entry("case-confirmation", language -> applicantWithCase(language, "SUBMITTED", CASE_PAGE)),
          Map.entry("case-declined", language -> applicantWithCase(language, "DECLINED", CASE_PAGE)),
          Map.entry("case-expired", language -> applicantWithCase(language, "EXPIRED", CASE_PAGE)),
          Map.entry("case-cancelled", language -> applicantWithCase(language, "CANCELLED", CASE_PAGE)),
          Map.entry("case-closed", language -> applicantWithCase(language, "CLOSED", OPEN_ACTION)),
          Map.entry("outcome-follow-up", language -> applicantWithCase(language, "CLOSED", OPEN_ACTION)),
          Map.entry("info-request", language -> applicantAsked(language)),
          Map.entry("info-reminder", language -> applicantAsked(language)),
          Map.entry("fee-no-charge", language -> applicantWithCase(language, "DATA_DEPOSIT", CASE_PAGE)),
          Map.entry("fee-statement", language -> applicantWithStatement(language)),
          Map.entry("statement-reminder", language -> applicantWithStatement(language)),
          Map.entry("invoice-issued", language -> applicantWithCase(language, "DATA_DEPOSIT", CASE_PAGE)),
          Map.entry("invoice-issued-to-institution", language -> applicantWithCase(language, "DATA_DEPOSIT", CASE_PAGE)),
          Map.entry("invoice-to-payer", language -> billingContact()),
          Map.entry("credit-note-to-payer", language -> billingContact()),
          Map.entry("deposit-open", language -> applicantWithDataset(language, "AWAITING_DEPOSIT", CASE_PAGE)),
          Map.entry("deposit-reminder", language -> applicantWithDataset(language, "AWAITING_DEPOSIT", OPEN_ACTION)),
          Map.entry("deposit-sent-back", language -> applicantWithDataset(language, "SENT_BACK", OPEN_ACTION)),
          Map.entry("deposit-verified", language -> applicantWithDataset(language, "VERIFIED", CASE_PAGE)),
          Map.entry("deposit-escalation", language -> staffReading(language, StaffGroup.DESK, "DATA_DEPOSIT")),
          Map.entry("staff-new-case", language -> staffReading(language, StaffGroup.DESK, "IN_CONSULTATION")),
          Map.entry("staff-task-overdue", language -> staffReading(language, StaffGroup.unitCoordinators("structure"), "IN_SUPPORT")),
          Map.entry("staff-digest", language -> staffDigestReading(language)),
          Map.entry("slots-proposed", language -> applicantWithCase(language, "IN_SUPPORT", CASE_PAGE)),
          Map.entry("slots-proposal-reminder", language -> applicantWithCase(language, "IN_SUPPORT", CASE_PAGE)),
          Map.entry("waitlist-booked", language -> applicantWithCase(language, "IN_SUPPORT", CASE_PAGE)),
          Map.entry("staff-waitlist-booked", language -> staffReading(language, StaffGroup.unitCoordinators("structure"), "IN_SUPPORT")));

  @TestFactory
  Stream<DynamicTest> everyLinkInEveryMailOpensItsPageForItsReader() throws IOException {
    Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:mail/*.txt");
    assertThat(files).isNotEmpty();
    return Arrays.stream(files)
        .map(Resource::getFilename)
        .sorted(Comparator.naturalOrder())
        .map(file -> DynamicTest.dynamicTest(file, () -> followLinksOf(file)));
  }

  private void followLinksOf(String file) {
    Matcher name = Pattern.compile("(.+)\\.(ja|en)\\.txt").matcher(file);
    assertThat(name.matches()).as("mail template file name <template>.<ja|en>.txt: " + file).isTrue();
    String template = name.group(1);
    String language = name.group(2);
    Function<String, Reading> reader = readers.get(template);
    if (reader == null) {
      fail("mail template " + template + " has no reader in MailLinksBrowserIT: say who receives it and where its links lead");
    }
    Reading reading = reader.apply(language);
    RenderedMail mail = templates.render(template, language, reading.values());
    List<String> links = new ArrayList<>();
    LINK.matcher(mail.body()).results().forEach(link -> links.add(link.group()));
    if (reading.email() == null) {
      assertThat(links).as("links in " + file + ", whose reader has no account").isEmpty();
      return;
    }
    assertThat(links).as("links in " + file).isNotEmpty();
    for (String link : links) {
      assertThat(link).as("a link of " + file + " into Madoguchi").startsWith(base());
      follow(file.replace(".txt", ""), link, URI.create(link).getPath(), reading, language);
    }
  }

  /** Mails sent before the portal had its pages link to /cases/...: they lead to the pages that replaced it. */
  @Test
  void linksOfMailsSentEarlierLeadToThePagesThatReplacedThem() {
    Reading reading = applicantWithCase("en", "CLOSED", CASE_PAGE);
    String caseNumber = (String) reading.values().get("caseNumber");
    follow("former-case-link", base() + "/cases/" + caseNumber, PageLinks.path(PageLinks.CASE_PAGE, caseNumber), reading, "en");
    follow(
        "former-outcomes-link", base() + "/cases/" + caseNumber + "/outcomes", PageLinks.path(PageLinks.OUTCOMES_PAGE, caseNumber),
        new Reading(reading.values(), reading.email(), OPEN_ACTION), "en");
  }

  /**
   * Opens the link in a fresh browser of the reader's language, signs in if asked, and checks that it
   * lands on {@code target} with status 200, showing the page the reading expects.
   */
  private void follow(String name, String link, String target, Reading reading, String language) {
    try (BrowserContext context = browser.context("ja".equals(language) ? "ja-JP" : "en-US")) {
      Page page = PortalBrowser.page(context);
      AtomicInteger status = new AtomicInteger();
      page.onResponse(
          response -> {
            if (response.request().isNavigationRequest() && response.request().frame().parentFrame() == null) {
              status.set(response.status());
            }
          });
      page.navigate(link);
      if (URI.create(page.url()).getPath().equals(PageLinks.SIGN_IN) && !target.equals(PageLinks.SIGN_IN)) {
        page.locator("#email").fill(reading.email());
        page.locator("#password").fill(PASSWORD);
        page.locator("#sign-in").click();
      }
      page.waitForURL(url -> URI.create(url).getPath().equals(target), new Page.WaitForURLOptions().setTimeout(15_000));
      page.waitForLoadState();
      assertThat(status.get()).as(name + ": status of " + link).isEqualTo(200);
      assertThat(page.locator("#error-title").count()).as(name + ": error page at " + link).isZero();
      page.locator(reading.expectedPage()).first().waitFor(new Locator.WaitForOptions().setTimeout(15_000));
      PortalBrowser.shot(page, "mail-" + name);
      Press press = reading.press();
      if (press != null) {
        assertThat(press.done().getAsBoolean()).as(name + ": done by opening the link alone").isFalse();
        page.locator(press.button()).click();
        page.locator(press.expectedPage()).first().waitFor(new Locator.WaitForOptions().setTimeout(15_000));
        assertThat(status.get()).as(name + ": status after pressing " + press.button()).isEqualTo(200);
        assertThat(press.done().getAsBoolean()).as(name + ": done after pressing " + press.button()).isTrue();
        PortalBrowser.shot(page, "mail-" + name + "-pressed");
      }
    }
  }

  // --- readers ---

  private Reading newAccountHolder(String language) {
    String email = uniqueEmail("signup");
    Account account = accounts.register(email, PASSWORD, "山田 花子", language).orElseThrow();
    String token = oneTimeToken("portal_email_verifications", account.id());
    // The link only opens the landing page (mail scanners open links too); its button confirms.
    return new Reading(
        values(Map.of("name", "山田 花子", "link", links().withToken(PageLinks.VERIFY_EMAIL, token), "hours", 24)),
        email, "#confirm-email",
        new Press("#confirm-email", "#verification-result:not(.error)", () -> accounts.find(account.id()).orElseThrow().isVerified()));
  }

  /** The owner of a confirmed account, told about a sign-up attempt or a lockout: the link leads to "forgot password". */
  private Reading accountHolderToldAbout(String language, Map<String, Object> more) {
    String email = uniqueEmail("told");
    applicant(email, language);
    Map<String, Object> specific = new HashMap<>(more);
    specific.put("name", "Aoi Tanaka");
    specific.put("link", links().page(PageLinks.FORGOT_PASSWORD));
    return new Reading(values(specific), email, "#forgot-submit");
  }

  private Reading accountHolderWhoForgot(String language) {
    String email = uniqueEmail("reset");
    Account account = applicant(email, language);
    String token = oneTimeToken("portal_password_resets", account.id());
    return new Reading(
        values(Map.of("name", "Aoi Tanaka", "link", links().withToken(PageLinks.RESET_PASSWORD, token), "minutes", 30)),
        email, "#reset-submit");
  }

  /**
   * A payer's billing contact, who has no account: the mail carries the document as a PDF and names the
   * issuer's contact, and links nowhere.
   */
  private Reading billingContact() {
    return new Reading(values(Map.of()), null, null);
  }

  private Reading applicantWithCase(String language, String status, String expectedPage) {
    String email = uniqueEmail("applicant");
    applicant(email, language);
    long caseId = new CaseFixtures(jdbc).file(email, status, "academic", "open");
    return new Reading(caseValues(caseId, null), email, expectedPage);
  }

  private Reading applicantAsked(String language) {
    String email = uniqueEmail("asked");
    applicant(email, language);
    long caseId = new CaseFixtures(jdbc).file(email, "AWAITING_INFORMATION", "academic", "open");
    jdbc.update(
        "insert into information_requests (case_id, element_instance_key, question, requested_at) values (?, ?, ?, ?)",
        caseId, CaseFixtures.uniqueId(), "Which detergent keeps the pump stable?", Timestamp.from(Instant.now()));
    return new Reading(caseValues(caseId, null), email, OPEN_ACTION);
  }

  private Reading applicantWithStatement(String language) {
    String email = uniqueEmail("statement");
    applicant(email, language);
    long caseId = new CaseFixtures(jdbc).file(email, "AWAITING_STATEMENT_RESPONSE", "industry", "open");
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        """
        insert into fee_statements (case_id, status, subtotal_yen, tax_rate, tax_yen, total_yen, issue_count, assessed_at, issued_at,
          issued_version)
        values (?, 'ISSUED', 102500, 0.1, 10250, 112750, 1, ?, ?, 1)
        """,
        caseId, now, now);
    jdbc.update(
        """
        insert into fee_statement_versions (statement_id, version_no, subtotal_yen, tax_yen, total_yen, standard_tax_rate,
          reduced_tax_rate, tax_rounding, created_by, created_at)
        select id, 1, subtotal_yen, tax_yen, total_yen, tax_rate, 0.08, 'FLOOR', 'system', assessed_at from fee_statements where case_id = ?
        """,
        caseId);
    return new Reading(caseValues(caseId, null), email, OPEN_ACTION);
  }

  private Reading applicantWithDataset(String language, String datasetStatus, String expectedPage) {
    String email = uniqueEmail("deposit");
    applicant(email, language);
    long caseId = new CaseFixtures(jdbc).file(email, "DATA_DEPOSIT", "academic", "open");
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        """
        insert into datasets (case_id, unit_code, usage_record_id, item_no, title, data_type, size_gb, status, created_at, updated_at)
        values (?, 'structure', ?, 1, 'Cryo-EM movies', 'cryo-em-movies', 1200, ?, ?, ?)
        """,
        caseId, CaseFixtures.uniqueId(), datasetStatus, now, now);
    long datasetId = jdbc.queryForObject("select id from datasets where case_id = ?", Long.class, caseId);
    return new Reading(caseValues(caseId, datasetId), email, expectedPage);
  }

  /**
   * A staff mail about a case: read by a person of {@code group} in {@code language}, whose link opens the
   * case in the staff console. A unit's person sees the case because the desk planned their unit.
   */
  private Reading staffReading(String language, StaffGroup group, String status) {
    String applicantEmail = uniqueEmail("applicant");
    applicant(applicantEmail, language);
    long caseId = new CaseFixtures(jdbc).file(applicantEmail, status, "academic", "open");
    group.unitCode().ifPresent(unit -> tx.executeWithoutResult(transaction ->
        caseFile.record(caseId, new CaseEvent.ConsultationAccepted(List.of(unit), "Planned for " + unit + "."), Actor.staff("desk"), null)));
    String email = staffPerson(group, language);
    Map<String, Object> values = new HashMap<>(caseValues(caseId, null));
    // Staff mails link their case as the senders do: the console's case page.
    values.put("caseUrl", links().staffCasePage((String) values.get("caseNumber")));
    values.put("groupName", group.name());
    return new Reading(values, email, STAFF_CASE_PAGE);
  }

  /**
   * The daily digest of a desk person: a line per task with the link to its case in the console (rendered
   * as the digest renders it) and the link to switch the digest off, each leading to its own page.
   */
  private Reading staffDigestReading(String language) {
    Reading onCase = staffReading(language, StaffGroup.DESK, "IN_CONSULTATION");
    String caseNumber = (String) onCase.values().get("caseNumber");
    String line =
        messages.getMessage(
            "tasks.notice.line",
            new Object[] {caseNumber, "Cryo-EM of an efflux pump", "Consultation", "2026-03-02 17:00", "desk", links().staffCasePage(caseNumber)},
            Locale.forLanguageTag(language));
    Map<String, Object> values = new HashMap<>(onCase.values());
    values.put("newTasks", line);
    values.put("overdueTasks", line);
    values.put("newCount", 1);
    values.put("overdueCount", 1);
    values.put("settingsUrl", base() + "/account/notifications");
    return new Reading(values, onCase.email(), STAFF_CASE_PAGE + ", " + NOTIFICATION_SETTINGS);
  }

  private String staffPerson(StaffGroup group, String language) {
    String email = uniqueEmail(group.name());
    Account staff = accounts.ensure(email, PASSWORD, "佐藤 健", language, Set.of(Role.STAFF));
    accounts.assignStaffGroups(staff.id(), Set.of(group));
    return email;
  }

  // --- values ---

  /** The case's values as the senders set them (links from {@link PageLinks}), and realistic ones for the rest. */
  private Map<String, Object> caseValues(long caseId, Long datasetId) {
    String caseNumber = new CaseFixtures(jdbc).caseNumberOf(caseId);
    Map<String, Object> values = new HashMap<>();
    values.put("caseNumber", caseNumber);
    values.put("caseTitle", "Cryo-EM of an efflux pump");
    values.put("applicantName", "田中 葵");
    values.put("caseUrl", links().casePage(caseNumber));
    values.put("replyUrl", links().replyPage(caseNumber));
    values.put("statementUrl", links().statementPage(caseNumber));
    values.put("reportUrl", links().outcomesPage(caseNumber));
    values.put("staffCaseUrl", links().staffCasePage(caseNumber));
    if (datasetId != null) {
      values.put("depositUrl", links().depositPage(caseNumber, datasetId));
      values.put("datasetId", datasetId);
    }
    return values(values);
  }

  /** {@code specific} over realistic values for every other placeholder a template may have. */
  private static Map<String, Object> values(Map<String, Object> specific) {
    Map<String, Object> values = new HashMap<>();
    values.put("reason", "The requested resolution is beyond what the instruments can reach.");
    values.put("question", "Which detergent keeps the pump stable?");
    values.put("datasets", "- Cryo-EM movies (cryo-em-movies, 1200 GB)");
    values.put("datasetCount", 1);
    values.put("datasetId", 1);
    values.put("datasetTitle", "Cryo-EM movies");
    values.put("dataType", "cryo-em-movies");
    values.put("datasetStatus", "AWAITING_DEPOSIT");
    values.put("waitingSince", "2026-03-02");
    values.put("applicantEmail", "aoi.tanaka@lab.example.ac.jp");
    values.put("stewardNote", "Please add the checksum of the last movie.");
    values.put("subtotalYen", "102,500");
    values.put("taxPercent", 10);
    values.put("taxYen", "10,250");
    values.put("totalYen", "112,750");
    values.put("lines", "  Krios G4, 2.5 h   102,500 yen");
    values.put("version", "2");
    values.put("invoiceNumber", "INV-2026-000042");
    values.put("creditNoteNumber", "CN-2026-000003");
    values.put("creditedYen", "21,997");
    values.put("issuerName", "BINDS Research Support Platform");
    values.put("registrationNumber", "T7123456789012");
    values.put("issuerContact", "finance@madoguchi.example, 03-0000-0000");
    values.put("payerName", "Pharma Example Co., Ltd.");
    values.put("issuedOn", "2026-11-30");
    values.put("cases", "  BINDS-2026-00042\n  BINDS-2026-00043");
    values.put("caseCount", 2);
    values.put("staffName", "佐藤 健");
    values.put("affiliation", "Example University");
    values.put("taskName", "Unit acceptance");
    values.put("dueAt", "2026-03-02 17:00");
    values.put("unitCode", "structure");
    values.put("slotList", "1. Krios G4  2026-03-09 10:00 - 2026-03-09 18:00 (Asia/Tokyo)");
    values.put("instrumentName", "Krios G4");
    values.put("sessionStart", "2026-03-09 10:00");
    values.put("sessionEnd", "2026-03-09 18:00");
    values.put("timeZone", "Asia/Tokyo");
    values.put("papersReported", 1);
    values.put("patentsReported", 0);
    values.put("seedsReported", 0);
    values.putAll(specific);
    return values;
  }

  // --- fixtures ---

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The application's link builder, aimed at this test's server. */
  private PageLinks links() {
    return new PageLinks(
        new MadoguchiProperties(
            properties.caseNumberPrefix(), properties.timeZone(), properties.deskAddress(), properties.mailFrom(), base(),
            properties.sla(), properties.tasklistUrl(), properties.operateUrl(), properties.oidc()));
  }

  private Account applicant(String email, String language) {
    return accounts.ensure(email, PASSWORD, "田中 葵", language, Set.of(Role.APPLICANT));
  }

  /** A fresh one-time link of the account in {@code table}, stored as the application stores it (the token's hash). */
  private String oneTimeToken(String table, long accountId) {
    String token = UUID.randomUUID().toString().replace("-", "");
    Instant now = Instant.now();
    jdbc.update(
        "insert into " + table + " (account_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
        accountId, sha256(token), Timestamp.from(now), Timestamp.from(now.plus(Duration.ofHours(1))));
    return token;
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String uniqueEmail(String who) {
    return who + "-" + UUID.randomUUID() + "@lab.example.ac.jp";
  }
}
