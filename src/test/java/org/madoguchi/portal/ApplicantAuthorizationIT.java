package org.madoguchi.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.calendar.CalendarFeeds;
import org.madoguchi.calendar.FeedOwner;
import org.madoguchi.consultation.ConsultationService;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.CaseSnapshot;
import org.madoguchi.testsupport.ErrorRaisingPages;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every applicant endpoint, enumerated from Spring MVC's own handler mapping (a new endpoint is tested
 * without anyone writing a case for it), against three rules:
 *
 * <ol>
 *   <li>without signing in: 401 for {@code /api/**} and {@code /portal/api/**}, the sign-in page for
 *       every other page;
 *   <li>signed in as another applicant: with a {@code {caseNumber}} path variable, the victim's case is
 *       404 and nothing of the victim's case changes in the database (every table with a
 *       {@code case_id} column, and the case row itself); with or without one, nothing of the victim's
 *       case (a marker in its title and question) appears in the answer;
 *   <li>a portal POST without the CSRF token is 403 (even for the owner) and changes nothing.
 * </ol>
 *
 * Only the public endpoints in {@link #PUBLIC}, the links of earlier mails ({@link #FORMER_MAIL_LINKS}: they
 * redirect to the portal's pages, which check) and the test-only pages of {@link ErrorRaisingPages} are
 * left out, by name. The victim's case waits for
 * information, so a reply or a cancellation that slipped through would change it.
 */
@MadoguchiIT
class ApplicantAuthorizationIT {

  /** Reachable without signing in, on purpose ({@code METHOD pattern}). */
  static final Set<String> PUBLIC =
      Set.of(
          "GET /login", "GET /signup", "POST /signup", "GET /signup/sent", "GET /signup/verify", "POST /signup/verify", "POST /signup/resend",
          "GET /password/forgot", "POST /password/forgot", "GET /password/reset", "POST /password/reset",
          "POST /language", "GET /error", "POST /error", "PUT /error", "DELETE /error", "PATCH /error",
          "GET /api/openapi", "GET /api/openapi.yaml", "GET /api/openapi/swagger-config", "GET /api/docs",
          // A calendar feed: its secret address is the credential (calendar applications cannot sign in).
          "GET /calendar/{file}");

  /** Where mails sent before the portal had pages link to: a redirect to the page, for whoever is signed in. */
  static final Set<String> FORMER_MAIL_LINKS = Set.of("GET /cases/{caseNumber}", "GET /cases/{caseNumber}/outcomes");

  /** Request bodies that pass validation, so that a 404 is the ownership check and not a 400. */
  private static final String REPLY = "{\"reply\":\"The buffer is HEPES pH 7.5.\"}";
  private static final String ACCEPT_STATEMENT = "{\"decision\":\"accept\",\"version\":1}";
  private static final String OUTCOME = "{\"notes\":\"A talk at a meeting.\"}";
  private static final String DEPOSIT =
      "{\"title\":\"Stacks\",\"description\":\"Confocal stacks\",\"licence\":\"CC-BY-4.0\",\"embargo\":\"none\","
          + "\"files\":[{\"path\":\"a.tif\",\"sizeBytes\":10,\"sha256\":\"" + "a".repeat(64) + "\"}]}";

  /** The API and the portal's submissions take the same request records. */
  static final Map<String, String> VALID_BODIES =
      Map.of(
          "/api/cases/{caseNumber}/information/reply", REPLY,
          "/api/cases/{caseNumber}/statement/response", ACCEPT_STATEMENT,
          "/api/cases/{caseNumber}/outcomes", OUTCOME,
          "/api/cases/{caseNumber}/cancellation", "{\"reason\":\"No longer needed.\"}",
          "/api/cases/{caseNumber}/datasets/{datasetId}/deposit", DEPOSIT,
          "/portal/api/requests/{caseNumber}/reply", REPLY,
          "/portal/api/requests/{caseNumber}/statement", ACCEPT_STATEMENT,
          "/portal/api/requests/{caseNumber}/outcomes", OUTCOME,
          "/portal/api/requests/{caseNumber}/datasets/{datasetId}/deposit", DEPOSIT);

  /** Values for path variables other than caseNumber. */
  static final Map<String, String> OTHER_VARIABLES = Map.of("name", "support-request", "datasetId", "1");

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

  record Endpoint(String method, String pattern) {
    String key() {
      return method + " " + pattern;
    }

    boolean isApi() {
      return pattern.startsWith("/api/") || pattern.startsWith("/portal/api/");
    }

    boolean changes() {
      return !"GET".equals(method);
    }

    boolean hasCase() {
      return pattern.contains("{caseNumber}");
    }

    /** The staff and admin consoles' endpoints; ConsoleAuthorizationIT checks them (applicants get 403 there). */
    boolean isStaff() {
      return pattern.equals("/console") || pattern.startsWith("/console/") || pattern.equals("/admin") || pattern.startsWith("/admin/");
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired ConsultationService consultation;
  @Autowired CalendarFeeds calendarFeeds;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private String owner;
  private String intruder;
  /** The intruder's own API token: the API answers them as the intruder. */
  private String intruderToken;
  private long victimCase;
  private String victimNumber;
  /** In the victim case's title and question: must never appear in an answer to anyone else. */
  private String secret;

  @BeforeEach
  void twoApplicants() {
    owner = "owner-" + System.nanoTime() + "@lab.example.ac.jp";
    intruder = "intruder-" + System.nanoTime() + "@other.example.ac.jp";
    accounts.ensure(owner, "owner password 1", "Owner", "en", Set.of(Role.APPLICANT));
    long intruderId = accounts.ensure(intruder, "intruder password 1", "Intruder", "en", Set.of(Role.APPLICANT)).id();
    intruderToken = ApplicantClient.bearerToken(apiTokens, intruderId);
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    victimCase = fixtures.file(owner, "IN_CONSULTATION", "academic", "open");
    secret = "confidential-" + System.nanoTime();
    jdbc.update("update cases set title = ? where id = ?", "Pump structure " + secret, victimCase);
    consultation.requestInformation(victimCase, CaseFixtures.uniqueId(), "Which buffer holds " + secret + "?");
    victimNumber = fixtures.caseNumberOf(victimCase);
  }

  /** The applicant endpoints: everything the handler mapping knows, minus the public list and the staff and admin consoles. */
  List<Endpoint> endpoints() {
    Set<String> seen = new TreeSet<>();
    List<Endpoint> found = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      List<String> names = methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(Enum::name).toList();
      for (String pattern : info.getPatternValues()) {
        for (String method : names) {
          Endpoint endpoint = new Endpoint(method, pattern);
          boolean leftOut =
              PUBLIC.contains(endpoint.key()) || FORMER_MAIL_LINKS.contains(endpoint.key())
                  || pattern.startsWith(ErrorRaisingPages.PREFIX) || endpoint.isStaff();
          if (!leftOut && seen.add(endpoint.key())) {
            found.add(endpoint);
          }
        }
      }
    }
    return found;
  }

  @Test
  void theEnumerationFindsTheKnownApplicantEndpointsAndOnlyPublicOnesAreLeftOut() {
    Set<String> keys = new TreeSet<>(endpoints().stream().map(Endpoint::key).toList());
    assertThat(keys)
        .contains(
            "GET /api/cases", "GET /api/cases/{caseNumber}", "POST /api/cases/{caseNumber}/cancellation",
            "POST /api/cases/{caseNumber}/information/reply", "GET /portal/requests/{caseNumber}",
            "GET /portal/api/models/research-support.bpmn", "POST /portal/api/requests", "GET /account/calendar",
            "POST /account/calendar");
    Set<String> all = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(i -> all.addAll(i.getPatternValues()));
    for (String key : PUBLIC) {
      assertThat(all).as("public endpoint %s still exists (keep the list true)", key).contains(key.substring(key.indexOf(' ') + 1));
    }
    for (String key : keys) {
      String pattern = key.substring(key.indexOf(' ') + 1);
      assertThat(pattern.equals("/") || pattern.startsWith("/api/") || pattern.startsWith("/portal/") || pattern.startsWith("/account/"))
          .as("%s is neither an applicant or account endpoint (/api/**, /portal/**, /account/**) nor in the public list", key)
          .isTrue();
    }
  }

  /** Self-use booking: the portal page and the API, checked by the tests below like every applicant endpoint. */
  @Test
  void theSelfUseEndpointsAreAmongTheApplicantEndpoints() {
    assertThat(endpoints().stream().map(Endpoint::key)).contains(
        "GET /portal/requests/{caseNumber}/self-use", "POST /portal/requests/{caseNumber}/self-use",
        "POST /api/cases/{caseNumber}/self-use-bookings");
  }

  /** Fee documents as PDF: checked by the tests below like every applicant endpoint (the victim's case has none). */
  @Test
  void theFeePdfEndpointsAreAmongTheApplicantEndpoints() {
    assertThat(endpoints().stream().map(Endpoint::key)).contains("GET /portal/requests/{caseNumber}/statement.pdf");
  }

  @Test
  void withoutSigningInEveryApplicantEndpointIsRefused() {
    PortalSession anonymous = new PortalSession(port);
    String csrf = anonymous.csrfToken();
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint endpoint : endpoints()) {
      String path = path(endpoint, victimNumber);
      HttpResponse<String> response = anonymous.raw(endpoint.method(), path, body(endpoint), Map.of("X-CSRF-TOKEN", csrf));
      if (endpoint.isApi()) {
        softly.assertThat(response.statusCode()).as("%s without signing in", endpoint.key()).isEqualTo(401);
      } else {
        softly.assertThat(response.statusCode()).as("%s without signing in", endpoint.key()).isEqualTo(302);
        softly.assertThat(response.headers().firstValue("Location").orElse(""))
            .as("%s redirects to sign-in", endpoint.key())
            .endsWith("/login");
      }
      softly.assertThat(response.body()).as("%s leaks nothing", endpoint.key()).doesNotContain(secret);
    }
    softly.assertAll();
  }

  @Test
  void anotherApplicantCannotReadOrChangeTheCase() {
    PortalSession intruderBrowser = new PortalSession(port);
    assertThat(intruderBrowser.signIn(intruder, "intruder password 1")).endsWith("/portal/requests");
    String csrf = intruderBrowser.csrfToken();
    Map<String, Object> before = snapshot(victimCase);
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint endpoint : endpoints()) {
      String path = path(endpoint, victimNumber);
      HttpResponse<String> response =
          endpoint.pattern().startsWith("/api/")
              ? api(intruderToken, endpoint.method(), path, body(endpoint))
              : intruderBrowser.raw(endpoint.method(), path, body(endpoint), Map.of("X-CSRF-TOKEN", csrf));
      if (endpoint.hasCase()) {
        softly.assertThat(response.statusCode()).as("%s on another applicant's case", endpoint.key()).isEqualTo(404);
      }
      softly.assertThat(response.body()).as("%s shows nothing of the other case", endpoint.key()).doesNotContain(secret);
      softly.assertThat(snapshot(victimCase)).as("the case after %s", endpoint.key()).isEqualTo(before);
    }
    softly.assertAll();
  }

  @Test
  void anotherApplicantCannotRevokeOrSeeSomeoneElsesApiToken() {
    long ownerId = accounts.findByEmail(owner).orElseThrow().id();
    String ownerToken = ApplicantClient.bearerToken(apiTokens, ownerId);
    long ownerTokenId = apiTokens.of(ownerId).getFirst().id();
    PortalSession intruderBrowser = new PortalSession(port);
    intruderBrowser.signIn(intruder, "intruder password 1");
    String csrf = intruderBrowser.csrfToken();
    intruderBrowser.raw("POST", "/account/tokens/" + ownerTokenId + "/revoke", null, Map.of("X-CSRF-TOKEN", csrf));
    assertThat(intruderBrowser.get("/account/tokens").body()).doesNotContain(ownerToken.substring(0, 12));
    assertThat(apiTokens.of(ownerId).getFirst().revokedAt()).isNull();
    assertThat(api(ownerToken, "GET", "/api/cases", null).statusCode()).isEqualTo(200);
  }

  /**
   * The calendar feed page acts on the signed-in applicant's own feed only: another applicant's issue
   * leaves the owner's address working and never shows it; staff have theirs in the console (403 here);
   * the public feed address answers 404 to anything but a current secret, and shows nothing of a case.
   */
  @Test
  void anotherApplicantCannotSeeOrRotateSomeoneElsesCalendarFeed() {
    long ownerId = accounts.findByEmail(owner).orElseThrow().id();
    String ownerSecret = calendarFeeds.issue(FeedOwner.applicant(ownerId), "en", owner);
    PortalSession intruderBrowser = new PortalSession(port);
    intruderBrowser.signIn(intruder, "intruder password 1");
    assertThat(intruderBrowser.postForm("/account/calendar", Map.of("feed", "APPLICANT")).statusCode()).isEqualTo(302);
    String intruderPage = intruderBrowser.get("/account/calendar").body();
    assertThat(intruderPage).contains("id=\"feed-url\"").doesNotContain(ownerSecret).doesNotContain(owner);
    PortalSession anonymous = new PortalSession(port);
    assertThat(anonymous.get("/calendar/" + ownerSecret + ".ics").statusCode()).as("the owner's address still works").isEqualTo(200);
    for (String path : List.of("/calendar/" + ownerSecret.substring(1) + ".ics", "/calendar/" + victimNumber + ".ics", "/calendar/" + secret + ".ics")) {
      HttpResponse<String> answer = anonymous.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).doesNotContain(secret).doesNotContain(victimNumber);
    }
    String staffEmail = "staff-" + System.nanoTime() + "@facility.example.jp";
    accounts.ensure(staffEmail, "staff password 1", "Staff", "en", Set.of(Role.STAFF));
    PortalSession staff = new PortalSession(port);
    staff.signIn(staffEmail, "staff password 1");
    assertThat(staff.get("/account/calendar").statusCode()).isEqualTo(403);
    assertThat(staff.postForm("/account/calendar", Map.of("feed", "APPLICANT")).statusCode()).isEqualTo(403);
  }

  /** The sessions page lists only the signed-in applicant's own sessions. */
  @Test
  void anotherApplicantNeverSeesSomeoneElsesSessions() {
    jdbc.update("insert into bookings (case_id, unit_code, instrument_id, requested_hours, slot_start, slot_end, status, created_at, updated_at)"
        + " values (?, 'structure', 1, 1, '2031-02-03 01:00:00', '2031-02-03 02:00:00', 'RESERVED', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", victimCase);
    try {
      PortalSession ownerBrowser = new PortalSession(port);
      ownerBrowser.signIn(owner, "owner password 1");
      assertThat(ownerBrowser.get("/portal/sessions").body()).contains(victimNumber, "2031-02-03 10:00");
      PortalSession intruderBrowser = new PortalSession(port);
      intruderBrowser.signIn(intruder, "intruder password 1");
      HttpResponse<String> intruderPage = intruderBrowser.get("/portal/sessions");
      assertThat(intruderPage.statusCode()).isEqualTo(200);
      assertThat(intruderPage.body()).contains("id=\"no-sessions\"").doesNotContain(victimNumber).doesNotContain(secret);
    } finally {
      jdbc.update("delete from bookings where case_id = ?", victimCase);
    }
  }

  /**
   * The answers to slot proposals are applicant endpoints (the tests above refuse them to anyone but the
   * owner); the owner answering a proposal the case does not have lands on the case page and changes nothing.
   */
  @Test
  void slotProposalAnswersAreTheOwnersOnly() {
    String choice = "POST /portal/requests/{caseNumber}/proposals/{proposalId}/choice";
    String otherDates = "POST /portal/requests/{caseNumber}/proposals/{proposalId}/other-dates";
    assertThat(endpoints()).extracting(Endpoint::key).contains(choice, otherDates);
    PortalSession ownerBrowser = new PortalSession(port);
    ownerBrowser.signIn(owner, "owner password 1");
    Map<String, Object> before = snapshot(victimCase);
    for (String key : List.of(choice, otherDates)) {
      HttpResponse<String> answer =
          ownerBrowser.postForm(path(new Endpoint("POST", key.substring(5)), victimNumber), Map.of("slot", "1", "comment", "Next month."));
      assertThat(answer.statusCode()).as(key).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location").orElse("")).as(key).contains("/portal/requests/" + victimNumber);
    }
    assertThat(snapshot(victimCase)).isEqualTo(before);
  }

  @Test
  void formerMailLinksNeedSigningInAndOnlyLeadToThePortalPageWhichChecks() {
    PortalSession anonymous = new PortalSession(port);
    PortalSession intruderBrowser = new PortalSession(port);
    intruderBrowser.signIn(intruder, "intruder password 1");
    for (String key : FORMER_MAIL_LINKS) {
      String path = path(new Endpoint("GET", key.substring(4)), victimNumber);
      assertThat(anonymous.get(path).headers().firstValue("Location").orElse("")).as(key).endsWith("/login");
      HttpResponse<String> redirect = intruderBrowser.get(path);
      String target = redirect.headers().firstValue("Location").orElse("");
      assertThat(redirect.statusCode()).as(key).isEqualTo(301);
      assertThat(target).as(key).endsWith("/portal/requests/" + victimNumber + path.substring(("/cases/" + victimNumber).length()));
      assertThat(intruderBrowser.get(URI.create(target).getPath()).statusCode()).as(key + " then").isEqualTo(404);
    }
  }

  @Test
  void portalPostsWithoutTheCsrfTokenAreRefusedEvenForTheOwner() {
    PortalSession ownerBrowser = new PortalSession(port);
    assertThat(ownerBrowser.signIn(owner, "owner password 1")).endsWith("/portal/requests");
    Map<String, Object> before = snapshot(victimCase);
    List<Endpoint> portalChanges =
        endpoints().stream().filter(e -> e.changes() && !e.pattern().startsWith("/api/")).toList();
    assertThat(portalChanges).extracting(Endpoint::key).contains("POST /portal/api/requests");
    long casesBefore = jdbc.queryForObject("select count(*) from cases where email = ?", Long.class, owner);
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint endpoint : portalChanges) {
      HttpResponse<String> response = ownerBrowser.raw(endpoint.method(), path(endpoint, victimNumber), body(endpoint), Map.of());
      softly.assertThat(response.statusCode()).as("%s without CSRF", endpoint.key()).isEqualTo(403);
      softly.assertThat(snapshot(victimCase)).as("the case after %s", endpoint.key()).isEqualTo(before);
    }
    softly.assertAll();
    assertThat(jdbc.queryForObject("select count(*) from cases where email = ?", Long.class, owner)).isEqualTo(casesBefore);
    // The same session with its token is let through: the 403 above was the CSRF check.
    assertThat(ownerBrowser.raw("GET", "/portal/requests/" + victimNumber, null, Map.of()).statusCode()).isEqualTo(200);
  }


  // Cancelling one booked session (cancellation and no-show policy).

  /**
   * A session is cancelled only through its own case by that case's applicant: another applicant gets
   * 404 and changes nothing, and so does the owner naming another case's booking. The confirmation says
   * the cancellation is late; once cancelled, asking again is refused with the reason (409).
   */
  @Test
  void aSessionIsCancelledOnlyByTheApplicantOfItsOwnCase() {
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    long otherCase = fixtures.file(intruder, "IN_CONSULTATION", "academic", "open");
    long booking = booking(victimCase, 2);
    long othersBooking = booking(otherCase, 4);
    String cancel = "/portal/requests/" + victimNumber + "/sessions/" + booking + "/cancel";
    PortalSession intruderBrowser = new PortalSession(port);
    intruderBrowser.signIn(intruder, "intruder password 1");
    PortalSession ownerBrowser = new PortalSession(port);
    ownerBrowser.signIn(owner, "owner password 1");
    Map<String, Object> before = jdbc.queryForMap("select * from bookings where id = ?", booking);

    assertThat(intruderBrowser.get(cancel).statusCode()).isEqualTo(404);
    assertThat(intruderBrowser.postForm(cancel, Map.of()).statusCode()).isEqualTo(404);
    String throughOwnCase = "/portal/requests/" + victimNumber + "/sessions/" + othersBooking + "/cancel";
    assertThat(ownerBrowser.get(throughOwnCase).statusCode()).isEqualTo(404);
    assertThat(ownerBrowser.postForm(throughOwnCase, Map.of()).statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForMap("select * from bookings where id = ?", booking)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select status from bookings where id = ?", String.class, othersBooking)).isEqualTo("RESERVED");

    assertThat(ownerBrowser.get("/portal/requests/" + victimNumber).body()).contains("id=\"cancel-session-" + booking + "\"");
    HttpResponse<String> confirmation = ownerBrowser.get(cancel);
    assertThat(confirmation.statusCode()).isEqualTo(200);
    assertThat(confirmation.body()).contains("id=\"late-warning\"", "may be charged");
    HttpResponse<String> cancelled = ownerBrowser.postForm(cancel, Map.of());
    assertThat(cancelled.statusCode()).isEqualTo(302);
    assertThat(cancelled.headers().firstValue("Location").orElse("")).endsWith("/portal/requests/" + victimNumber + "#sessions");
    assertThat(jdbc.queryForMap("select status, late_cancellation, cancelled_by from bookings where id = ?", booking))
        .containsEntry("status", "CANCELLED").containsEntry("late_cancellation", true).containsEntry("cancelled_by", "applicant:" + owner);
    assertThat(jdbc.queryForObject("select item_kind from usage_items where booking_id = ?", String.class, booking)).isEqualTo("late-cancellation");
    HttpResponse<String> again = ownerBrowser.postForm(cancel, Map.of());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("id=\"session-refusal\"", "no longer booked");
    jdbc.update("delete from usage_items where booking_id = ?", booking);
    jdbc.update("delete from bookings where id in (?, ?)", booking, othersBooking);
  }

  /** A reserved two-hour session of a seeded structure instrument, starting in {@code hoursAhead} hours. */
  private long booking(long caseId, int hoursAhead) {
    java.time.LocalDateTime start = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(hoursAhead).withNano(0);
    jdbc.update("insert into bookings (case_id, unit_code, instrument_id, requested_hours, slot_start, slot_end, status, created_at, updated_at)"
        + " values (?, 'structure', 2, 2, ?, ?, 'RESERVED', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", caseId, start, start.plusHours(2));
    return jdbc.queryForObject("select max(id) from bookings where case_id = ?", Long.class, caseId);
  }

  private Map<String, Object> snapshot(long caseId) {
    return CaseSnapshot.of(jdbc, caseId);
  }

  private static String path(Endpoint endpoint, String caseNumber) {
    Matcher variables = VARIABLE.matcher(endpoint.pattern());
    StringBuilder path = new StringBuilder();
    while (variables.find()) {
      String name = variables.group(1);
      String value = "caseNumber".equals(name) ? caseNumber : OTHER_VARIABLES.getOrDefault(name, "1");
      variables.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    variables.appendTail(path);
    return path.toString();
  }

  private static String body(Endpoint endpoint) {
    return endpoint.changes() ? VALID_BODIES.getOrDefault(endpoint.pattern(), "{}") : null;
  }

  private HttpResponse<String> api(String token, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The payer form of a case: an applicant endpoint (the tests above refuse it to anyone but the owner); the
   * owner's bad e-mail is refused at the field (400) and nothing saved, a good one is saved.
   */
  @Test
  void thePayerIsEnteredOnlyByTheApplicantOfTheCase() {
    String payer = "/portal/requests/{caseNumber}/payer";
    assertThat(endpoints()).extracting(Endpoint::key).contains("GET " + payer, "POST " + payer);
    String path = payer.replace("{caseNumber}", victimNumber);
    PortalSession ownerBrowser = new PortalSession(port);
    ownerBrowser.signIn(owner, "owner password 1");
    Map<String, Object> before = snapshot(victimCase);
    HttpResponse<String> refused = ownerBrowser.postForm(path, Map.of("institutionName", "Example University", "contactEmail", "nobody",
        "billingCycle", "PER_CASE"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"contactEmail-error\"");
    assertThat(snapshot(victimCase)).isEqualTo(before);
    HttpResponse<String> saved = ownerBrowser.postForm(path, Map.of("institutionName", "Example University",
        "contactEmail", "accounts@example.ac.jp", "billingCycle", "MONTHLY"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select billing_cycle from payers where case_id = ?", String.class, victimCase)).isEqualTo("MONTHLY");
  }
}
