package org.madoguchi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.admin.ModelChanges;
import org.madoguchi.admin.ModelDeployments;
import org.madoguchi.admin.ModelDeployments.DefinitionVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.documents.Documents;
import org.madoguchi.documents.SampleFiles;
import org.madoguchi.testsupport.CaseSnapshot;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.units.CaseTeams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every staff console endpoint, enumerated from Spring MVC's handler mapping (a new one is checked
 * without anyone writing a case for it), against every kind of staff scope and four cases:
 *
 * <ol>
 *   <li>without signing in: the sign-in page; as an applicant: 403; nothing changes either way;
 *   <li>as staff: a case outside the person's scope is 404 and nothing of it changes (every table with
 *       a {@code case_id} column and the case row); a case inside it answers, and only a confidential
 *       case's page view writes an audit row ({@code case-viewed}, with the person's group and name);
 *   <li>the list shows exactly the cases in scope.
 * </ol>
 *
 * Every case holds a document, so the download is asked for a document of the case itself; the upload
 * sends a valid PDF (a 404 is the scope check, not a refusal of the file). The admin console's endpoints,
 * enumerated the same way, answer only the {@code admins} group.
 */
@MadoguchiIT
class ConsoleAuthorizationIT {

  /** A note the form accepts, so a 404 is the scope check and not a 400. */
  private static final Map<String, String> VALID_FORMS =
      Map.of("/console/cases/{caseNumber}/notes", "text");

  /** The admin console's upload, a multipart form with its CSRF token in the address. */
  private static final String ADMIN_UPLOAD = "/admin/models/uploads";

  /** The multipart form of the case page, which sends a file and its CSRF token in the address. */
  private static final String UPLOAD = "/console/cases/{caseNumber}/documents";

  /** The catalogue's pages: admins for every unit, a unit's coordinators for their own. */
  private static final String CATALOGUE = "/console/catalogue";

  private static final List<String> CATALOGUE_ENDPOINTS = List.of(
      "GET " + CATALOGUE, "POST " + CATALOGUE + "/units", "POST " + CATALOGUE + "/closures",
      "POST " + CATALOGUE + "/closures/{closureId}/removal", "GET " + CATALOGUE + "/units/{unitCode}",
      "POST " + CATALOGUE + "/units/{unitCode}", "POST " + CATALOGUE + "/units/{unitCode}/instruments",
      "GET " + CATALOGUE + "/instruments/{instrumentId}", "POST " + CATALOGUE + "/instruments/{instrumentId}/booking-rules",
      "POST " + CATALOGUE + "/instruments/{instrumentId}", "POST " + CATALOGUE + "/instruments/{instrumentId}/qualifications",
      "POST " + CATALOGUE + "/instruments/{instrumentId}/qualifications/{qualificationId}/revocation",
      "POST " + CATALOGUE + "/instruments/{instrumentId}/windows",
      "POST " + CATALOGUE + "/instruments/{instrumentId}/windows/{windowId}/removal");

  /** The self-use section of an instrument's catalogue page: who may edit the instrument's page. */
  private static final List<String> SELF_USE_ENDPOINTS = List.of(
      "POST " + CATALOGUE + "/instruments/{instrumentId}/self-use",
      "POST " + CATALOGUE + "/instruments/{instrumentId}/self-use/qualifications",
      "POST " + CATALOGUE + "/instruments/{instrumentId}/self-use/qualifications/{qualificationId}/revocation");

  /** Only the admins: adding a unit and the facility's closures. */
  private static final Set<String> CATALOGUE_ADMINS_ONLY = Set.of(
      "POST " + CATALOGUE + "/units", "POST " + CATALOGUE + "/closures", "POST " + CATALOGUE + "/closures/{closureId}/removal");

  /** Slot proposals: the coordinators of a unit that accepted the case, and admins. */
  private static final String PROPOSALS = "/console/cases/{caseNumber}/proposals";

  private static final List<String> PROPOSAL_ENDPOINTS = List.of("GET " + PROPOSALS, "POST " + PROPOSALS, "GET " + PROPOSALS + "/busy");

  /** A case's fee statement: finance and the desk among those who see the case; finance revises, both waive. */
  private static final String STATEMENT = "/console/cases/{caseNumber}/statement";

  private static final List<String> STATEMENT_ENDPOINTS =
      List.of("GET " + STATEMENT, "POST " + STATEMENT + "/revisions", "POST " + STATEMENT + "/waivers");

  /** The calendar feeds page: an operator's own feed, and the instrument feeds a person manages. */
  private static final String CALENDAR_FEEDS = "/console/calendar-feeds";

  /** The instrument calendars: units by who sees them, moving by the unit's coordinators and admins. */
  private static final String CALENDAR = "/console/calendar";

  private static final List<String> CALENDAR_ENDPOINTS = List.of(
      "GET " + CALENDAR, "GET " + CALENDAR + "/events", "POST " + CALENDAR + "/bookings/{bookingId}/move");

  /** Cost recovery: finance and admins for every unit, a unit's coordinators for their own unit's instruments. */
  private static final String RECOVERY = "/console/recovery";

  private static final List<String> RECOVERY_ENDPOINTS = List.of(
      "GET " + RECOVERY, "GET " + RECOVERY + ".csv", "GET " + RECOVERY + "/costs", "POST " + RECOVERY + "/costs",
      "POST " + RECOVERY + "/costs/{costId}/reversal");

  /** Billing: finance's alone. */
  private static final String BILLING = "/console/billing";

  private static final List<String> BILLING_ENDPOINTS = List.of(
      "GET " + BILLING, "POST " + BILLING + "/runs", "GET " + BILLING + "/runs/{runId}", "GET " + BILLING + "/runs/{runId}/export.{format}",
      "GET " + BILLING + "/export.{format}",
      "GET " + BILLING + "/invoices/{number}", "POST " + BILLING + "/invoices/{number}/credit-notes",
      "POST " + BILLING + "/invoices/{number}/lines/{lineNo}", "GET " + BILLING + "/documents/{number}.pdf",
      "GET " + BILLING + "/cases/{caseNumber}/payer",
      "POST " + BILLING + "/cases/{caseNumber}/payer");

  record Endpoint(String method, String pattern) {
    String key() {
      return method + " " + pattern;
    }

    boolean hasCase() {
      return pattern.contains("{caseNumber}");
    }

    String path(String caseNumber, long documentId) {
      return pattern.replace("{caseNumber}", caseNumber).replace("{documentId}", Long.toString(documentId))
          .replace("{bookingId}", "1");
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired CaseFile caseFile;
  @Autowired CaseTeams teams;
  @Autowired TransactionTemplate tx;
  @Autowired Documents documents;
  @Autowired ModelDeployments deployments;
  @Autowired ModelChanges changes;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private ConsoleFixtures world;
  /** The document each case holds. */
  private final Map<Long, Long> documentOf = new HashMap<>();

  @BeforeEach
  void world() {
    world = new ConsoleFixtures(jdbc, accounts, caseFile, teams, tx);
    for (long caseId : world.all()) {
      documentOf.put(
          caseId, documents.attachByStaff(caseId, Actor.staff("desk"), "plan.pdf", new ByteArrayResource(SampleFiles.pdf())).id());
    }
  }

  /**
   * The case endpoints of the console; the catalogue's, the calendars', the slot proposals', cost recovery's and
   * billing's have their own tables ({@link #CATALOGUE_ENDPOINTS}, {@link #CALENDAR_ENDPOINTS},
   * {@link #PROPOSAL_ENDPOINTS}, {@link #RECOVERY_ENDPOINTS}, {@link #BILLING_ENDPOINTS}), the statement page and
   * its PDF their own tests (they need a statement).
   */
  List<Endpoint> endpoints() {
    return endpointsUnder("/console").stream()
        .filter(e -> !e.pattern().startsWith(CATALOGUE) && !e.pattern().startsWith(PROPOSALS) && !e.pattern().startsWith(STATEMENT))
        .filter(e -> !e.pattern().startsWith(BILLING))
        .filter(e -> !e.pattern().equals(CALENDAR) && !e.pattern().startsWith(CALENDAR + "/"))
        .filter(e -> !e.pattern().startsWith(RECOVERY))
        .toList();
  }

  /** Every endpoint at {@code root} or below it, from the handler mapping. */
  List<Endpoint> endpointsUnder(String root) {
    Set<String> seen = new TreeSet<>();
    List<Endpoint> found = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      List<String> names = methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(Enum::name).toList();
      for (String pattern : info.getPatternValues()) {
        if (pattern.equals(root) || pattern.startsWith(root + "/")) {
          for (String method : names) {
            if (seen.add(method + " " + pattern)) {
              found.add(new Endpoint(method, pattern));
            }
          }
        }
      }
    }
    return found;
  }

  /** Who sees which of the four cases. */
  private Map<String, Set<Long>> scopes() {
    Map<String, Set<Long>> scopes = new LinkedHashMap<>();
    scopes.put(world.desk, Set.copyOf(world.all()));
    scopes.put(world.admin, Set.copyOf(world.all()));
    scopes.put(world.omicsMember, Set.of(world.omicsCase, world.secretCase));
    scopes.put(world.omicsOther, Set.of(world.omicsCase));
    scopes.put(world.operator, Set.of(world.structureCase));
    scopes.put(world.finance, Set.of(world.structureCase));
    scopes.put(world.steward, Set.of(world.structureCase));
    scopes.put(world.imaging, Set.of());
    return scopes;
  }

  @Test
  void theEnumerationFindsTheConsoleEndpoints() {
    assertThat(endpoints())
        .extracting(Endpoint::key)
        .contains(
            "GET /console", "GET /console/cases/{caseNumber}", "POST /console/cases/{caseNumber}/notes",
            "GET /console/cases/{caseNumber}/documents/{documentId}", "POST " + UPLOAD,
            "GET " + CALENDAR_FEEDS, "POST " + CALENDAR_FEEDS);
  }

  /**
   * The calendar feeds page: an operator issues only their own feed; an instrument's feed is issued by
   * {@code admins} and by the coordinators of the instrument's unit, and by no one else (403, nothing
   * stored); the address is shown once, on the page the issue redirects to.
   */
  @Test
  void calendarFeedsAreAnOperatorsOwnAndThoseOfTheInstrumentsAPersonManages() {
    long omicsInstrument = 9;
    long structureInstrument = 1;
    Map<String, PortalSession> staff = new LinkedHashMap<>();
    for (String person : List.of(world.desk, world.admin, world.omicsMember, world.operator, world.imaging, world.finance)) {
      PortalSession browser = new PortalSession(port);
      browser.signIn(person, ConsoleFixtures.PASSWORD);
      staff.put(person, browser);
    }
    SoftAssertions softly = new SoftAssertions();
    List<Map<String, Object>> before = calendarFeeds();
    for (String person : List.of(world.desk, world.omicsMember, world.imaging, world.finance, world.operator)) {
      softly.assertThat(staff.get(person).postForm(CALENDAR_FEEDS, Map.of("feed", "INSTRUMENT", "instrument", Long.toString(structureInstrument))).statusCode())
          .as("%s issuing a structure instrument's feed", person).isEqualTo(403);
    }
    for (String person : List.of(world.desk, world.imaging, world.finance, world.operator)) {
      softly.assertThat(staff.get(person).postForm(CALENDAR_FEEDS, Map.of("feed", "INSTRUMENT", "instrument", Long.toString(omicsInstrument))).statusCode())
          .as("%s issuing an omics instrument's feed", person).isEqualTo(403);
    }
    for (String person : List.of(world.desk, world.admin, world.omicsMember, world.imaging, world.finance)) {
      softly.assertThat(staff.get(person).postForm(CALENDAR_FEEDS, Map.of("feed", "OPERATOR")).statusCode()).as("%s issuing an operator feed", person).isEqualTo(403);
    }
    softly.assertThat(staff.get(world.admin).postForm(CALENDAR_FEEDS, Map.of("feed", "INSTRUMENT", "instrument", "999999999")).statusCode()).isEqualTo(404);
    softly.assertThat(staff.get(world.admin).postForm(CALENDAR_FEEDS, Map.of("feed", "INSTRUMENT", "instrument", "nine")).statusCode()).isEqualTo(400);
    softly.assertThat(staff.get(world.admin).postForm(CALENDAR_FEEDS, Map.of("feed", "INSTRUMENT")).statusCode()).isEqualTo(400);
    softly.assertThat(staff.get(world.operator).postForm(CALENDAR_FEEDS, Map.of()).statusCode()).as("no feed named").isEqualTo(400);
    softly.assertThat(staff.get(world.operator).postForm(CALENDAR_FEEDS, Map.of("feed", "APPLICANT")).statusCode()).isEqualTo(400);
    softly.assertThat(staff.get(world.operator).postFormWithoutCsrf(CALENDAR_FEEDS, Map.of("feed", "OPERATOR")).statusCode()).as("without CSRF").isEqualTo(403);
    softly.assertThat(calendarFeeds()).as("nothing issued").isEqualTo(before);

    softly.assertThat(staff.get(world.desk).get(CALENDAR_FEEDS).body()).contains("id=\"no-feeds\"").doesNotContain("instrument-feed-");
    String omicsPage = staff.get(world.omicsMember).get(CALENDAR_FEEDS).body();
    softly.assertThat(omicsPage).contains("id=\"instrument-feed-" + omicsInstrument + "\"").doesNotContain("id=\"instrument-feed-" + structureInstrument + "\"")
        .doesNotContain("id=\"operator-feed\"");
    softly.assertThat(staff.get(world.admin).get(CALENDAR_FEEDS).body())
        .contains("id=\"instrument-feed-" + omicsInstrument + "\"", "id=\"instrument-feed-" + structureInstrument + "\"");
    softly.assertThat(staff.get(world.operator).get(CALENDAR_FEEDS).body()).contains("id=\"operator-feed\"").doesNotContain("instrument-feed-");

    for (Map.Entry<String, String> allowed : Map.of(
        world.omicsMember, Long.toString(omicsInstrument), world.admin, Long.toString(structureInstrument), world.operator, "").entrySet()) {
      PortalSession browser = staff.get(allowed.getKey());
      HttpResponse<String> issued =
          browser.postForm(CALENDAR_FEEDS, allowed.getValue().isEmpty() ? Map.of("feed", "OPERATOR") : Map.of("feed", "INSTRUMENT", "instrument", allowed.getValue()));
      softly.assertThat(issued.statusCode()).as("%s issuing", allowed.getKey()).isEqualTo(302);
      softly.assertThat(browser.get(CALENDAR_FEEDS).body()).as("the address, once").contains("id=\"feed-url\"").contains("/calendar/");
      softly.assertThat(browser.get(CALENDAR_FEEDS).body()).as("and not again").doesNotContain("id=\"feed-url\"");
    }
    softly.assertThat(jdbc.queryForObject("select issued_by from calendar_feeds where instrument_id = ?", String.class, omicsInstrument))
        .isEqualTo(world.omicsMember);
    softly.assertThat(jdbc.queryForObject("select issued_by from calendar_feeds where instrument_id = ?", String.class, structureInstrument))
        .isEqualTo(world.admin);
    softly.assertThat(jdbc.queryForObject("select count(*) from calendar_feeds where kind = 'OPERATOR' and issued_by = ?", Long.class, world.operator))
        .isEqualTo(1);
    softly.assertAll();
  }

  private List<Map<String, Object>> calendarFeeds() {
    return jdbc.queryForList("select kind, account_id, instrument_id, token_hash, issued_by from calendar_feeds order by id");
  }

  /**
   * The instrument calendars: without signing in, the sign-in page; applicants 403; a unit's calendar and
   * events only for those who see the unit (the desk and admins every unit, its coordinators their own,
   * operators their qualified instruments), 403 for anyone else; moving only for admins and the unit's
   * coordinators, after the booking is found.
   */
  @Test
  void calendarsAreForThoseWhoSeeTheUnitAndMovesForItsCoordinators() {
    assertThat(endpointsUnder(CALENDAR).stream().map(Endpoint::key).filter(k -> !k.contains("calendar-feeds")).toList())
        .containsExactlyInAnyOrderElementsOf(CALENDAR_ENDPOINTS);
    String week = "start=2030-01-07&end=2030-01-14";
    PortalSession anonymous = new PortalSession(port);
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    SoftAssertions softly = new SoftAssertions();
    for (String key : CALENDAR_ENDPOINTS) {
      String path = key.substring(key.indexOf(' ') + 1).replace("{bookingId}", "1");
      boolean post = key.startsWith("POST");
      HttpResponse<String> anonymousAnswer = post ? anonymous.postJson(path, "{}") : anonymous.get(path);
      softly.assertThat(anonymousAnswer.statusCode()).as("%s without signing in", key).isEqualTo(302);
      softly.assertThat(anonymousAnswer.headers().firstValue("Location").orElse("")).as(key).endsWith("/login");
      softly.assertThat((post ? applicant.postJson(path, "{}") : applicant.get(path)).statusCode()).as("%s as an applicant", key).isEqualTo(403);
    }
    Map<String, Set<String>> sees = new LinkedHashMap<>();
    sees.put(world.desk, Set.of("omics", "structure"));
    sees.put(world.admin, Set.of("omics", "structure"));
    sees.put(world.omicsMember, Set.of("omics"));
    sees.put(world.imaging, Set.of());
    sees.put(world.operator, Set.of());
    sees.put(world.finance, Set.of());
    for (Map.Entry<String, Set<String>> person : sees.entrySet()) {
      PortalSession browser = new PortalSession(port);
      browser.signIn(person.getKey(), ConsoleFixtures.PASSWORD);
      for (String unit : List.of("omics", "structure")) {
        int expected = person.getValue().contains(unit) ? 200 : 403;
        softly.assertThat(browser.getJson(CALENDAR + "/events?unit=" + unit + "&" + week).statusCode())
            .as("%s's events of %s", person.getKey(), unit).isEqualTo(expected);
        softly.assertThat(browser.get(CALENDAR + "?unit=" + unit).statusCode()).as("%s's calendar of %s", person.getKey(), unit).isEqualTo(expected);
      }
      softly.assertThat(browser.get(CALENDAR).statusCode()).as("%s's calendar page", person.getKey()).isEqualTo(200);
      String move = "{\"start\":\"2030-01-07T10:00:00\",\"end\":\"2030-01-07T11:00:00\"}";
      softly.assertThat(browser.postJson(CALENDAR + "/bookings/999999999/move", move).statusCode()).as("%s moving no booking", person.getKey()).isEqualTo(404);
    }
    softly.assertAll();
  }

  @Test
  void anonymousBrowsersAreSentToSignInAndApplicantsAreRefused() {
    PortalSession anonymous = new PortalSession(port);
    PortalSession applicant = new PortalSession(port);
    assertThat(applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD)).endsWith("/portal/requests");
    Map<Long, Map<String, Object>> before = snapshots();
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint endpoint : endpoints()) {
      for (long caseId : world.all()) {
        String path = endpoint.path(world.number(caseId), documentOf.get(caseId));
        HttpResponse<String> anonymousAnswer = send(anonymous, endpoint, path);
        softly.assertThat(anonymousAnswer.statusCode()).as("%s without signing in", endpoint.key()).isEqualTo(302);
        softly.assertThat(anonymousAnswer.headers().firstValue("Location").orElse("")).as("%s", endpoint.key()).endsWith("/login");
        HttpResponse<String> applicantAnswer = send(applicant, endpoint, path);
        softly.assertThat(applicantAnswer.statusCode()).as("%s as an applicant", endpoint.key()).isEqualTo(403);
        softly.assertThat(applicantAnswer.body()).as("%s as an applicant", endpoint.key()).doesNotContain(world.marker);
      }
    }
    softly.assertThat(snapshots()).as("nothing changed").isEqualTo(before);
    softly.assertAll();
  }

  @Test
  void staffReachOnlyTheCasesInTheirScopeAndConfidentialViewsAreAudited() {
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, Set<Long>> scope : scopes().entrySet()) {
      String person = scope.getKey();
      PortalSession browser = new PortalSession(port);
      softly.assertThat(browser.signIn(person, ConsoleFixtures.PASSWORD)).as("%s lands on the console", person).endsWith("/console");
      for (long caseId : world.all()) {
        boolean visible = scope.getValue().contains(caseId);
        for (Endpoint endpoint : endpoints().stream().filter(Endpoint::hasCase).toList()) {
          Map<String, Object> before = snapshot(caseId);
          long viewsBefore = views(caseId);
          HttpResponse<String> answer = send(browser, endpoint, endpoint.path(world.number(caseId), documentOf.get(caseId)));
          String what = endpoint.key() + " by " + person + " on case " + caseId;
          if (!visible) {
            softly.assertThat(answer.statusCode()).as(what).isEqualTo(404);
            softly.assertThat(answer.body()).as(what).doesNotContain(world.marker);
            softly.assertThat(snapshot(caseId)).as("the case after %s", what).isEqualTo(before);
          } else {
            softly.assertThat(answer.statusCode()).as(what).isEqualTo(endpoint.method().equals("GET") ? 200 : 302);
            boolean audited = caseId == world.secretCase && endpoint.method().equals("GET");
            softly.assertThat(views(caseId) - viewsBefore).as("audit rows after %s", what).isEqualTo(audited ? 1 : 0);
          }
        }
      }
      HttpResponse<String> list = browser.get("/console?q=" + world.marker);
      softly.assertThat(list.statusCode()).as("%s's list", person).isEqualTo(200);
      for (long caseId : world.all()) {
        softly.assertThat(list.body().contains(world.number(caseId)))
            .as("%s's list shows case %s", person, caseId)
            .isEqualTo(scope.getValue().contains(caseId));
      }
      // A whole case number is looked up by its key: the same scope applies (the box echoes the number,
      // so the list is read by its link to the case).
      for (long caseId : world.all()) {
        HttpResponse<String> byNumber = browser.get("/console?q=" + world.number(caseId));
        softly.assertThat(byNumber.body().contains("/console/cases/" + world.number(caseId)))
            .as("%s's search for case %s by its number", person, caseId)
            .isEqualTo(scope.getValue().contains(caseId));
      }
    }
    softly.assertAll();
    assertThat(jdbc.queryForList("select actor from case_events where case_id = ? and action = 'case-viewed' order by id", String.class, world.secretCase))
        .as("the page and the document downloaded, by each who may see the case")
        .containsExactly(
            "staff:desk:Desk Person", "staff:desk:Desk Person", "staff:admins:Admin Person", "staff:admins:Admin Person",
            "staff:unit-omics:Omics Member", "staff:unit-omics:Omics Member");
  }

  /**
   * The proposal page of the omics case once omics accepted it: without signing in, the sign-in page;
   * applicants 403; staff who cannot see the case 404; staff who see it but coordinate no unit that
   * accepted it (the desk, the other unit's operator) 403; omics' coordinators and admins read it. A refused
   * post changes nothing.
   */
  @Test
  void slotsAreProposedByTheCoordinatorsOfAUnitThatAcceptedTheCaseAndAdmins() {
    assertThat(endpointsUnder(PROPOSALS)).extracting(Endpoint::key).containsExactlyInAnyOrderElementsOf(PROPOSAL_ENDPOINTS);
    jdbc.update(
        "INSERT INTO unit_assignments (case_id, unit_code, round_no, process_instance_key, decision, lead_operator, estimated_hours, decided_at)"
            + " VALUES (?, 'omics', 1, ?, 'accept', ?, 2, UTC_TIMESTAMP(6))",
        world.omicsCase, System.nanoTime(), world.operator);
    jdbc.update(
        "INSERT INTO staff_tasks (element_instance_key, process_instance_key, case_id, process_id, element_id, name, candidate_group,"
            + " priority, opened_at) VALUES (?, ?, ?, 'unit-support', 'ScheduleSession', 'Schedule the session', 'unit-omics', 50, UTC_TIMESTAMP(6))",
        System.nanoTime(), System.nanoTime(), world.omicsCase);
    String page = PROPOSALS.replace("{caseNumber}", world.number(world.omicsCase));
    Map<String, String> paths = Map.of(
        "GET " + PROPOSALS, page, "POST " + PROPOSALS, page,
        "GET " + PROPOSALS + "/busy", page + "/busy?unit=omics&instrumentId=9&start=2030-01-07T00:00:00&end=2030-01-14T00:00:00");
    Map<String, String> form = Map.of("unit", "omics", "slots[0].instrumentId", "9", "slots[0].start", "2020-01-07T09:00",
        "slots[0].end", "2020-01-07T10:00");
    Map<String, Object> before = snapshot(world.omicsCase);
    SoftAssertions softly = new SoftAssertions();
    PortalSession anonymous = new PortalSession(port);
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put(world.desk, 403);
    expected.put(world.imaging, 404);
    expected.put(world.finance, 404);
    expected.put(world.omicsMember, 200);
    expected.put(world.admin, 200);
    for (String key : PROPOSAL_ENDPOINTS) {
      Endpoint endpoint = new Endpoint(key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ') + 1));
      String path = paths.get(key);
      HttpResponse<String> anonymousAnswer = endpoint.method().equals("GET") ? anonymous.get(path) : anonymous.postForm(path, form);
      softly.assertThat(anonymousAnswer.statusCode()).as("%s without signing in", key).isEqualTo(302);
      HttpResponse<String> applicantAnswer = endpoint.method().equals("GET") ? applicant.get(path) : applicant.postForm(path, form);
      softly.assertThat(applicantAnswer.statusCode()).as("%s as an applicant", key).isEqualTo(403);
      for (Map.Entry<String, Integer> person : expected.entrySet()) {
        PortalSession browser = new PortalSession(port);
        browser.signIn(person.getKey(), ConsoleFixtures.PASSWORD);
        HttpResponse<String> answer = endpoint.method().equals("GET") ? browser.get(path) : browser.postForm(path, form);
        // An allowed post of a slot in the past is refused by the rules (422), so nothing is stored either way.
        int allowed = endpoint.method().equals("GET") ? 200 : 422;
        softly.assertThat(answer.statusCode()).as("%s by %s", key, person.getKey())
            .isEqualTo(person.getValue() == 200 ? allowed : person.getValue());
      }
    }
    softly.assertThat(snapshot(world.omicsCase)).as("nothing changed").isEqualTo(before);
    softly.assertAll();
  }

  /**
   * The statement page of the structure case (a draft statement): without signing in, the sign-in page;
   * applicants 403; staff who cannot see the case 404; staff who see it but are neither finance nor the
   * desk 403; the desk reads it and may waive but not revise (403); finance may do both. The posts here
   * are refused as bad input (400), so nothing is written whoever sends them.
   */
  @Test
  void theStatementPageIsForFinanceAndTheDeskWhichOnlyWaives() {
    assertThat(endpointsUnder(STATEMENT)).extracting(Endpoint::key).containsExactlyInAnyOrderElementsOf(STATEMENT_ENDPOINTS);
    jdbc.update("INSERT INTO fee_statements (case_id, status, currency, subtotal_yen, tax_rate, tax_yen, total_yen, assessed_at)"
        + " VALUES (?, 'DRAFT', 'JPY', 1000, 0.10, 100, 1100, UTC_TIMESTAMP(6))", world.structureCase);
    long statementId = jdbc.queryForObject("select id from fee_statements where case_id = ?", Long.class, world.structureCase);
    jdbc.update("INSERT INTO fee_statement_versions (statement_id, version_no, subtotal_yen, tax_yen, total_yen, standard_tax_rate,"
        + " reduced_tax_rate, tax_rounding, created_by, created_at) VALUES (?, 1, 1000, 100, 1100, 0.10, 0.08, 'FLOOR', 'system', UTC_TIMESTAMP(6))",
        statementId);
    jdbc.update("INSERT INTO fee_lines (statement_id, version_no, line_no, kind, usage_item_id, description, item_kind, quantity,"
        + " unit_cost_yen, charge_rate, rule_name, amount_yen) VALUES (?, 1, 1, 'USAGE', 1, 'Krios', 'reagent', 1, 1000, 1, 'full', 1000)",
        statementId);
    String page = STATEMENT.replace("{caseNumber}", world.number(world.structureCase));
    Map<String, String> paths = Map.of(
        "GET " + STATEMENT, page, "POST " + STATEMENT + "/revisions", page + "/revisions", "POST " + STATEMENT + "/waivers", page + "/waivers");
    // Nothing changed (revision) and no reason (waiver): both 400 for those allowed.
    Map<String, String> form = Map.of("basedOnVersion", "1", "lines[0].lineNo", "1", "lines[0].quantity", "1",
        "lines[0].unitPriceYen", "1000", "lines[0].chargeRate", "1", "lineNo", "1", "reason", "");
    String written = "select (select count(*) from fee_statement_versions where statement_id = ?) + (select count(*) from fee_lines where statement_id = ?)";
    long before = jdbc.queryForObject(written, Long.class, statementId, statementId);
    SoftAssertions softly = new SoftAssertions();
    PortalSession anonymous = new PortalSession(port);
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
    expected.put(world.imaging, Map.of());
    expected.put(world.operator, Map.of());
    expected.put(world.steward, Map.of());
    expected.put(world.admin, Map.of());
    expected.put(world.desk, Map.of("GET " + STATEMENT, 200, "POST " + STATEMENT + "/waivers", 400));
    expected.put(world.finance, Map.of("GET " + STATEMENT, 200, "POST " + STATEMENT + "/revisions", 400, "POST " + STATEMENT + "/waivers", 400));
    for (String key : STATEMENT_ENDPOINTS) {
      boolean get = key.startsWith("GET ");
      String path = paths.get(key);
      softly.assertThat((get ? anonymous.get(path) : anonymous.postForm(path, form)).statusCode()).as("%s without signing in", key).isEqualTo(302);
      softly.assertThat((get ? applicant.get(path) : applicant.postForm(path, form)).statusCode()).as("%s as an applicant", key).isEqualTo(403);
      for (Map.Entry<String, Map<String, Integer>> person : expected.entrySet()) {
        PortalSession browser = new PortalSession(port);
        browser.signIn(person.getKey(), ConsoleFixtures.PASSWORD);
        int refused = person.getKey().equals(world.imaging) ? 404 : 403;
        softly.assertThat((get ? browser.get(path) : browser.postForm(path, form)).statusCode()).as("%s by %s", key, person.getKey())
            .isEqualTo(person.getValue().getOrDefault(key, refused));
      }
    }
    softly.assertThat(jdbc.queryForObject(written, Long.class, statementId, statementId)).as("nothing written").isEqualTo(before);
    softly.assertAll();
  }

  /**
   * The admin console: without signing in, the sign-in page; applicants and every staff member outside
   * {@code admins}, 403 on every endpoint with nothing recorded or deployed; an admin reads every page.
   */
  @Test
  void theAdminConsoleIsForAdminsOnly() {
    assertThat(endpointsUnder("/admin"))
        .extracting(Endpoint::key)
        .containsExactlyInAnyOrder(
            "GET /admin", "GET /admin/models", "POST " + ADMIN_UPLOAD, "GET /admin/models/uploads/{uploadId}",
            "POST /admin/models/uploads/{uploadId}/dry-run", "POST /admin/models/uploads/{uploadId}/fee-preview",
            "POST /admin/models/uploads/{uploadId}/deployment", "GET /admin/models/deployments/{deploymentId}",
            "POST /admin/models/deployments/{deploymentId}/rollback", "GET /admin/processes/{definitionKey}",
            "POST /admin/processes/{definitionKey}/migration");
    DefinitionVersion process = deployments.versions().stream()
        .filter(v -> v.definition().definitionId().equals("research-support") && v.definition().version() == 1)
        .findFirst().orElseThrow();
    long upload = changes.upload(world.admin, List.of(new ModelFile("research-support.bpmn",
        deployments.contentOf(process.definition().definitionKey()).orElseThrow().content())));
    Map<String, String> variables = Map.of(
        "{uploadId}", Long.toString(upload), "{deploymentId}", Long.toString(process.deployment().id()),
        "{definitionKey}", Long.toString(process.definition().definitionKey()));
    Map<String, String> forms = Map.of("versionTag", "denied", "comment", "denied", "to", "1", "instances", "1", "cases", "5");

    Map<String, Long> before = adminRecords();
    SoftAssertions softly = new SoftAssertions();
    PortalSession anonymous = new PortalSession(port);
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    List<PortalSession> refused = new ArrayList<>(List.of(applicant));
    for (String person : List.of(world.desk, world.omicsMember, world.operator, world.finance, world.steward, world.imaging)) {
      PortalSession staff = new PortalSession(port);
      staff.signIn(person, ConsoleFixtures.PASSWORD);
      refused.add(staff);
    }
    PortalSession admin = new PortalSession(port);
    admin.signIn(world.admin, ConsoleFixtures.PASSWORD);
    for (Endpoint endpoint : endpointsUnder("/admin")) {
      String path = endpoint.pattern();
      for (Map.Entry<String, String> variable : variables.entrySet()) {
        path = path.replace(variable.getKey(), variable.getValue());
      }
      HttpResponse<String> anonymousAnswer = sendAdmin(anonymous, endpoint, path, forms);
      softly.assertThat(anonymousAnswer.statusCode()).as("%s without signing in", endpoint.key()).isEqualTo(302);
      softly.assertThat(anonymousAnswer.headers().firstValue("Location").orElse("")).as("%s", endpoint.key()).endsWith("/login");
      for (PortalSession person : refused) {
        HttpResponse<String> answer = sendAdmin(person, endpoint, path, forms);
        softly.assertThat(answer.statusCode()).as("%s as a non-admin", endpoint.key()).isEqualTo(403);
        if (endpoint.method().equals("GET")) {
          HttpResponse<String> page = person.raw("GET", path, null, Map.of());
          softly.assertThat(page.statusCode()).as("%s as a non-admin's browser", endpoint.key()).isEqualTo(403);
          softly.assertThat(page.body()).as("%s as a non-admin's browser: the 403 page", endpoint.key()).contains("id=\"error-title\"");
        }
      }
      if (endpoint.method().equals("GET")) {
        softly.assertThat(admin.get(path).statusCode()).as("%s as an admin", endpoint.key()).isEqualTo(path.equals("/admin") ? 302 : 200);
      }
    }
    HttpResponse<String> tooLarge =
        admin.postFile(ADMIN_UPLOAD + "?_csrf=" + admin.csrfToken(), "research-support.bpmn", new byte[25 * 1024 * 1024], "en", Map.of());
    softly.assertThat(tooLarge.statusCode()).as("a too large upload").isEqualTo(413);
    softly.assertThat(tooLarge.headers().firstValue("Content-Type").orElse("")).as("a too large upload").startsWith("text/html");
    softly.assertThat(tooLarge.body()).as("a too large upload").contains("at most 20 MB").contains("href=\"/admin/models\"");
    // An admin's refused requests answer the page again with the reason, and change nothing either.
    HttpResponse<String> noFile = admin.postFile(ADMIN_UPLOAD + "?_csrf=" + admin.csrfToken(), "model.bpmn", new byte[] {'<'}, "en", Map.of());
    softly.assertThat(noFile.statusCode()).as("an upload without the files part").isEqualTo(400);
    softly.assertThat(noFile.body()).contains("Choose at least one file.");
    HttpResponse<String> badTag = admin.postForm(variables.entrySet().stream().reduce(
        "/admin/models/uploads/{uploadId}/deployment", (path, v) -> path.replace(v.getKey(), v.getValue()), (a, b) -> a),
        Map.of("versionTag", "not a tag", "comment", "A comment"));
    softly.assertThat(badTag.statusCode()).as("a deployment without a valid tag").isEqualTo(400);
    softly.assertThat(badTag.body()).contains("Give a version tag");
    byte[] brokenModel = new String(deployments.contentOf(process.definition().definitionKey()).orElseThrow().content(), StandardCharsets.UTF_8)
        .replace("type=\"case.register\"", "type=\"case.registr\"").getBytes(StandardCharsets.UTF_8);
    long broken = changes.upload(world.admin, List.of(new ModelFile("research-support.bpmn", brokenModel)));
    before = adminRecords();
    HttpResponse<String> dryRunOfBroken = admin.postForm("/admin/models/uploads/" + broken + "/dry-run", Map.of());
    softly.assertThat(dryRunOfBroken.statusCode()).as("a dry run of an upload that does not validate").isEqualTo(400);
    softly.assertThat(dryRunOfBroken.body()).contains("Fix the problems the validation found first.");
    HttpResponse<String> firstVersion = admin.postForm("/admin/models/deployments/" + process.deployment().id() + "/rollback", Map.of());
    softly.assertThat(firstVersion.statusCode()).as("a rollback of the first versions").isEqualTo(400);
    softly.assertThat(firstVersion.body()).contains("had no earlier version");
    softly.assertThat(adminRecords()).as("nothing recorded or deployed").isEqualTo(before);
    softly.assertThat(admin.get("/console").body()).as("the admin's console links to the admin console").contains("href=\"/admin/models\"");
    softly.assertThat(refused.get(1).get("/console").body()).as("the desk's does not").doesNotContain("href=\"/admin/models\"");
    softly.assertAll();
  }

  /**
   * The catalogue, on the omics unit and its mass spectrometer (instrument 9): without signing in, the
   * sign-in page; applicants and staff who coordinate no unit, 403 everywhere; imaging's coordinator sees
   * the catalogue's home but gets 403 on omics; omics' coordinator reads omics' pages and gets 403 on what
   * only admins do; an admin reads every page. Every refusal is the HTML 403 page and changes nothing.
   */
  @Test
  void theCatalogueIsForAdminsAndTheCoordinatorsOfItsOwnUnit() {
    assertThat(endpointsUnder(CATALOGUE)).extracting(Endpoint::key)
        .containsExactlyInAnyOrderElementsOf(Stream.concat(CATALOGUE_ENDPOINTS.stream(), SELF_USE_ENDPOINTS.stream()).toList());
    Map<String, String> variables = Map.of("{unitCode}", "omics", "{instrumentId}", "9", "{closureId}", "1", "{qualificationId}", "1", "{windowId}", "1");
    Map<String, String> forms = Map.ofEntries(
        Map.entry("code", "denied"), Map.entry("nameJa", "拒否"), Map.entry("nameEn", "Denied"), Map.entry("description", "Denied."),
        Map.entry("closedOn", "2030-01-07"), Map.entry("reason", "Denied"), Map.entry("name", "Denied"), Map.entry("instrumentClass", "nmr"),
        Map.entry("location", "Nowhere"), Map.entry("hourlyUpkeepYen", "1"), Map.entry("operator", world.operator),
        Map.entry("grantedOn", "2030-01-07"), Map.entry("kind", "planned"), Map.entry("startsAt", "2030-01-07T09:00"),
        Map.entry("endsAt", "2030-01-07T10:00"), Map.entry("granularityMinutes", "60"), Map.entry("minSessionMinutes", "60"),
        Map.entry("maxSessionMinutes", "120"), Map.entry("leadTimeHours", "1"), Map.entry("lateCancellationHours", "1"));
    Map<String, Long> before = catalogueRecords();
    PortalSession anonymous = new PortalSession(port);
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    Map<String, PortalSession> staff = new LinkedHashMap<>();
    for (String person : List.of(world.desk, world.operator, world.finance, world.steward, world.imaging, world.omicsMember, world.admin)) {
      PortalSession session = new PortalSession(port);
      session.signIn(person, ConsoleFixtures.PASSWORD);
      staff.put(person, session);
    }
    SoftAssertions softly = new SoftAssertions();
    for (Endpoint endpoint : endpointsUnder(CATALOGUE)) {
      String path = endpoint.pattern();
      for (Map.Entry<String, String> variable : variables.entrySet()) {
        path = path.replace(variable.getKey(), variable.getValue());
      }
      HttpResponse<String> anonymousAnswer = sendAdmin(anonymous, endpoint, path, forms);
      softly.assertThat(anonymousAnswer.statusCode()).as("%s without signing in", endpoint.key()).isEqualTo(302);
      softly.assertThat(anonymousAnswer.headers().firstValue("Location").orElse("")).as("%s", endpoint.key()).endsWith("/login");
      softly.assertThat(sendAdmin(applicant, endpoint, path, forms).statusCode()).as("%s as an applicant", endpoint.key()).isEqualTo(403);
      boolean home = endpoint.pattern().equals(CATALOGUE);
      for (Map.Entry<String, PortalSession> person : staff.entrySet()) {
        String who = person.getKey();
        boolean allowed = who.equals(world.admin)
            || who.equals(world.omicsMember) && !CATALOGUE_ADMINS_ONLY.contains(endpoint.key())
            || who.equals(world.imaging) && home;
        if (endpoint.method().equals("GET")) {
          HttpResponse<String> page = person.getValue().raw("GET", path, null, Map.of());
          softly.assertThat(page.statusCode()).as("%s by %s", endpoint.key(), who).isEqualTo(allowed ? 200 : 403);
          if (!allowed) {
            softly.assertThat(page.body()).as("%s by %s: the 403 page", endpoint.key(), who).contains("id=\"error-title\"");
          }
        } else if (!allowed) {
          softly.assertThat(sendAdmin(person.getValue(), endpoint, path, forms).statusCode()).as("%s by %s", endpoint.key(), who).isEqualTo(403);
        }
      }
    }
    // An admin's bad input: 400, the page again with the reason at the field, nothing written.
    PortalSession admin = staff.get(world.admin);
    Map<String, String> instrument = new LinkedHashMap<>(Map.of(
        "name", "Orbitrap Exploris 480 mass spectrometer", "instrumentClass", "mass-spec", "location", "Kisarazu", "hourlyUpkeepYen", "twelve"));
    HttpResponse<String> letters = admin.postForm(CATALOGUE + "/instruments/9", instrument);
    softly.assertThat(letters.statusCode()).as("an upkeep in letters").isEqualTo(400);
    softly.assertThat(letters.body()).contains("id=\"instrument-upkeep-error\"").contains("Give a whole number of yen").contains("Kisarazu");
    instrument.put("hourlyUpkeepYen", "1");
    instrument.put("instrumentClass", "telescope");
    softly.assertThat(admin.postForm(CATALOGUE + "/instruments/9", instrument).body()).as("an unknown class")
        .contains("id=\"instrument-class-error\"");
    HttpResponse<String> badTime = admin.postForm(CATALOGUE + "/instruments/9/windows",
        Map.of("kind", "planned", "startsAt", "tomorrow", "endsAt", "2090-01-01T10:00", "reason", "Service"));
    softly.assertThat(badTime.statusCode()).as("a window with a start that is no time").isEqualTo(400);
    softly.assertThat(badTime.body()).contains("id=\"window-start-error\"").contains("Give a date and time.");
    HttpResponse<String> tooLate = admin.postForm(CATALOGUE + "/instruments/9/windows",
        Map.of("kind", "unplanned", "startsAt", "2030-01-07T09:00", "endsAt", "2090-01-01T10:00", "reason", "Service"));
    softly.assertThat(tooLate.statusCode()).as("a window ending past what the column holds").isEqualTo(400);
    softly.assertThat(tooLate.body()).contains("id=\"window-end-error\"").contains("Give a time between 2000 and the end of 2037.");
    HttpResponse<String> longReason = admin.postForm(CATALOGUE + "/closures", Map.of("closedOn", "2030-01-07", "reason", "x".repeat(201)));
    softly.assertThat(longReason.statusCode()).as("a closure with a reason too long").isEqualTo(400);
    softly.assertThat(longReason.body()).contains("At most 200 characters.");
    softly.assertThat(admin.postForm(CATALOGUE + "/units", Map.of("code", "Omics!", "nameJa", "", "nameEn", "x", "description", "x")).body())
        .as("a unit with a bad code and no Japanese name").contains("id=\"unit-code-error\"").contains("id=\"name-ja-error\"");
    softly.assertThat(admin.postForm(CATALOGUE + "/instruments/999999999", instrument).statusCode()).as("no such instrument").isEqualTo(404);
    HttpResponse<String> offGrid = admin.postForm(CATALOGUE + "/instruments/9/booking-rules", Map.of("granularityMinutes", "45",
        "minSessionMinutes", "60", "maxSessionMinutes", "120", "leadTimeHours", "0", "lateCancellationHours", "24"));
    softly.assertThat(offGrid.statusCode()).as("booking rules off the cell grid").isEqualTo(400);
    softly.assertThat(offGrid.body()).contains("id=\"rules-granularity-error\"").contains("Give a multiple of 30 minutes")
        .doesNotContain("id=\"rules-max-error\"");
    HttpResponse<String> rulesInLetters = admin.postForm(CATALOGUE + "/instruments/9/booking-rules", Map.of("granularityMinutes", "60",
        "minSessionMinutes", "sixty", "maxSessionMinutes", "120", "leadTimeHours", "-1", "lateCancellationHours", "24"));
    softly.assertThat(rulesInLetters.statusCode()).as("booking rules in letters and negative").isEqualTo(400);
    softly.assertThat(rulesInLetters.body()).contains("id=\"rules-min-error\"").contains("Give a whole number of minutes from 30")
        .contains("id=\"rules-lead-error\"").doesNotContain("Failed to convert");
    HttpResponse<String> shortMax = admin.postForm(CATALOGUE + "/instruments/9/booking-rules", Map.of("granularityMinutes", "60",
        "minSessionMinutes", "120", "maxSessionMinutes", "90", "leadTimeHours", "0", "lateCancellationHours", "24"));
    softly.assertThat(shortMax.statusCode()).as("a longest session off the grid").isEqualTo(400);
    softly.assertThat(shortMax.body()).contains("id=\"rules-max-error\"").contains("Give a whole number of grid steps (60 minutes)");
    instrument.put("instrumentClass", "mass-spec");
    softly.assertThat(admin.postForm(CATALOGUE + "/units/omics/instruments", instrument).body()).as("a new instrument with a taken name")
        .contains("id=\"instrument-name-error\"").contains("Another instrument has this name.");
    softly.assertThat(admin.postForm(CATALOGUE + "/units/no-such-unit/instruments", instrument).statusCode()).as("no such unit").isEqualTo(404);
    softly.assertThat(catalogueRecords()).as("nothing changed").isEqualTo(before);
    softly.assertThat(staff.get(world.omicsMember).get(CATALOGUE).body()).as("omics' coordinator lists omics only")
        .contains("href=\"/console/catalogue/units/omics\"").doesNotContain("href=\"/console/catalogue/units/structure\"")
        .doesNotContain("id=\"unit-form\"");
    softly.assertThat(staff.get(world.admin).get(CATALOGUE).body()).as("an admin lists every unit")
        .contains("href=\"/console/catalogue/units/structure\"").contains("id=\"unit-form\"").contains("id=\"closure-form\"");
    softly.assertThat(staff.get(world.omicsMember).get("/console").body()).as("a coordinator's console links to the catalogue")
        .contains("href=\"/console/catalogue\"");
    softly.assertThat(staff.get(world.desk).get("/console").body()).as("the desk's does not").doesNotContain("href=\"/console/catalogue\"");
    softly.assertAll();
  }

  /**
   * The self-use section of omics' mass spectrometer (instrument 9), by omics' coordinator: bad input is
   * 400 with the page again and the reason at the field, and writes nothing; a revocation of no such
   * qualification is 404.
   */
  @Test
  void selfUseChangesRefuseBadInputAtTheField() {
    PortalSession coordinator = new PortalSession(port);
    coordinator.signIn(world.omicsMember, ConsoleFixtures.PASSWORD);
    Map<String, Long> before = selfUseRecords();
    HttpResponse<String> letters = coordinator.postForm(CATALOGUE + "/instruments/9/self-use",
        Map.of("allowed", "true", "maxBookingsPerWeek", "many", "quotaHoursPerCase", "0"));
    assertThat(letters.statusCode()).isEqualTo(400);
    assertThat(letters.body()).contains("id=\"self-use-per-week-error\"").contains("id=\"self-use-quota-error\"");
    HttpResponse<String> stranger = coordinator.postForm(CATALOGUE + "/instruments/9/self-use/qualifications",
        Map.of("applicant", "nobody-" + System.nanoTime() + "@lab.example.ac.jp"));
    assertThat(stranger.statusCode()).isEqualTo(400);
    assertThat(stranger.body()).contains("id=\"self-use-applicant-error\"").contains("There is no applicant account with this e-mail address.");
    HttpResponse<String> staffMember = coordinator.postForm(CATALOGUE + "/instruments/9/self-use/qualifications", Map.of("applicant", world.desk));
    assertThat(staffMember.statusCode()).as("a staff account is no applicant").isEqualTo(400);
    assertThat(coordinator.postForm(CATALOGUE + "/instruments/9/self-use/qualifications/999999999/revocation", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(selfUseRecords()).as("nothing written").isEqualTo(before);
  }

  private Map<String, Long> selfUseRecords() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("instrument_self_use", "self_use_qualifications")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  private Map<String, Long> catalogueRecords() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("catalogue_changes", "support_units", "operator_qualifications", "maintenance_windows", "facility_closures", "instruments")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  private HttpResponse<String> sendAdmin(PortalSession browser, Endpoint endpoint, String path, Map<String, String> forms) {
    if (endpoint.method().equals("GET")) {
      return browser.get(path);
    }
    if (endpoint.pattern().equals(ADMIN_UPLOAD)) {
      return browser.postFile(path + "?_csrf=" + browser.csrfToken(), "research-support.bpmn", new byte[] {'<'}, "en", Map.of());
    }
    return browser.postForm(path, forms);
  }

  private Map<String, Long> adminRecords() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("model_deployments", "model_definitions", "model_uploads", "model_instance_migrations")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  @Test
  void aDocumentIsServedOnlyThroughItsOwnCaseAndATooLargeOneIsRefusedWithAWayBack() {
    PortalSession desk = new PortalSession(port);
    desk.signIn(world.desk, ConsoleFixtures.PASSWORD);
    String omics = world.number(world.omicsCase);
    HttpResponse<byte[]> own = desk.download("/console/cases/" + omics + "/documents/" + documentOf.get(world.omicsCase));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
    assertThat(own.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(own.body()).isEqualTo(SampleFiles.pdf());
    // The structure case's document asked for under the omics case: both visible to the desk, still not found.
    assertThat(desk.download("/console/cases/" + omics + "/documents/" + documentOf.get(world.structureCase)).statusCode()).isEqualTo(404);
    assertThat(desk.download("/console/cases/" + omics + "/documents/999999999").statusCode()).isEqualTo(404);

    Map<String, Object> before = snapshot(world.omicsCase);
    HttpResponse<String> tooLarge =
        desk.postFile(UPLOAD.replace("{caseNumber}", omics) + "?_csrf=" + desk.csrfToken(), "scan.pdf", new byte[25 * 1024 * 1024], "en", Map.of());
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("larger than 20 MB").contains("href=\"/console/cases/" + omics + "#attached-documents\"");
    HttpResponse<String> html =
        desk.postFile(UPLOAD.replace("{caseNumber}", omics) + "?_csrf=" + desk.csrfToken(), "plan.pdf", SampleFiles.html(), "en", Map.of());
    assertThat(html.statusCode()).isEqualTo(400);
    assertThat(html.body()).contains("This file is not a PDF");
    assertThat(desk.postFile(UPLOAD.replace("{caseNumber}", omics), "plan.pdf", SampleFiles.pdf(), "en", Map.of()).statusCode())
        .as("without the CSRF token").isEqualTo(403);
    assertThat(snapshot(world.omicsCase)).as("nothing stored").isEqualTo(before);
  }

  @Test
  void aNoteIsValidatedAndAddedOnce() {
    PortalSession desk = new PortalSession(port);
    desk.signIn(world.desk, ConsoleFixtures.PASSWORD);
    String path = "/console/cases/" + world.number(world.newCase) + "/notes";
    assertThat(desk.postForm(path, Map.of("text", " ")).statusCode()).isEqualTo(400);
    HttpResponse<String> tooLong = desk.postForm(path, Map.of("text", "x".repeat(CaseNotes.MAX_LENGTH + 1)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("At most 2000 characters.");
    assertThat(desk.postFormWithoutCsrf(path, Map.of("text", "Called the applicant.")).statusCode()).isEqualTo(403);
    assertThat(notes(world.newCase)).isZero();
    HttpResponse<String> added = desk.postForm(path, Map.of("text", "Called the applicant."));
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location").orElse("")).contains("/console/cases/" + world.number(world.newCase));
    assertThat(notes(world.newCase)).isEqualTo(1);
    assertThat(desk.get("/console/cases/" + world.number(world.newCase)).body()).contains("Called the applicant.");
    // The applicant's own page never shows staff notes.
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    assertThat(applicant.get("/portal/requests/" + world.number(world.newCase)).body()).doesNotContain("Called the applicant.");
  }

  private HttpResponse<String> send(PortalSession browser, Endpoint endpoint, String path) {
    if (endpoint.method().equals("GET")) {
      return browser.get(path);
    }
    if (endpoint.pattern().equals(UPLOAD)) {
      return browser.postFile(path + "?_csrf=" + browser.csrfToken(), "sample-sheet.pdf", SampleFiles.pdf(), "en", Map.of());
    }
    String field = VALID_FORMS.getOrDefault(endpoint.pattern(), "text");
    return browser.postForm(path, Map.of(field, "A note " + System.nanoTime()));
  }

  private long views(long caseId) {
    return jdbc.queryForObject("select count(*) from case_events where case_id = ? and action = 'case-viewed'", Long.class, caseId);
  }

  private long notes(long caseId) {
    return jdbc.queryForObject("select count(*) from case_events where case_id = ? and action = 'note-added'", Long.class, caseId);
  }

  private Map<Long, Map<String, Object>> snapshots() {
    Map<Long, Map<String, Object>> all = new LinkedHashMap<>();
    world.all().forEach(id -> all.put(id, snapshot(id)));
    return all;
  }

  private Map<String, Object> snapshot(long caseId) {
    return CaseSnapshot.of(jdbc, caseId);
  }

  // Billing: runs, invoices, credit notes, payers and the export.

  /**
   * Billing is finance's: without signing in, the sign-in page; applicants and every other staff member
   * 403 on every endpoint, nothing written; finance reads the pages, an unknown run or invoice is 404, a
   * refused form 400 and an issued invoice's line edit 409.
   */
  @Test
  void billingIsForFinanceOnly() {
    assertThat(endpointsUnder(BILLING)).extracting(Endpoint::key).containsExactlyInAnyOrderElementsOf(BILLING_ENDPOINTS);
    String caseNumber = world.number(world.structureCase);
    Map<String, String> paths = new LinkedHashMap<>();
    for (String key : BILLING_ENDPOINTS) {
      String path = key.substring(key.indexOf(' ') + 1).replace("{runId}", "999999999").replace("{number}", "INV-2099-999999")
          .replace("{lineNo}", "1").replace("{caseNumber}", caseNumber).replace("{format}", "csv");
      paths.put(key, path.endsWith("/export.csv") ? path + "?from=2026-01-01&to=2026-01-31" : path);
    }
    Map<String, String> form = Map.of("month", "2099-01", "reason", "Refused", "institutionName", "Refused University",
        "billingCycle", "PER_CASE");
    List<Long> before = billingRows();
    SoftAssertions softly = new SoftAssertions();
    PortalSession anonymous = new PortalSession(port);
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    Map<String, PortalSession> others = new LinkedHashMap<>();
    for (String person : List.of(world.desk, world.admin, world.omicsMember, world.operator, world.steward, world.imaging)) {
      PortalSession browser = new PortalSession(port);
      browser.signIn(person, ConsoleFixtures.PASSWORD);
      others.put(person, browser);
    }
    for (Map.Entry<String, String> endpoint : paths.entrySet()) {
      boolean post = endpoint.getKey().startsWith("POST");
      String path = endpoint.getValue();
      softly.assertThat((post ? anonymous.postForm(path, form) : anonymous.get(path)).statusCode())
          .as("%s without signing in", endpoint.getKey()).isEqualTo(302);
      softly.assertThat((post ? applicant.postForm(path, form) : applicant.get(path)).statusCode())
          .as("%s as an applicant", endpoint.getKey()).isEqualTo(403);
      for (Map.Entry<String, PortalSession> person : others.entrySet()) {
        softly.assertThat((post ? person.getValue().postForm(path, form) : person.getValue().get(path)).statusCode())
            .as("%s by %s", endpoint.getKey(), person.getKey()).isEqualTo(403);
      }
    }
    softly.assertThat(billingRows()).as("nothing written").isEqualTo(before);

    PortalSession finance = new PortalSession(port);
    finance.signIn(world.finance, ConsoleFixtures.PASSWORD);
    softly.assertThat(finance.get(BILLING).statusCode()).isEqualTo(200);
    softly.assertThat(finance.get(BILLING + "/export.csv?from=2026-01-01&to=2026-01-31").statusCode()).isEqualTo(200);
    softly.assertThat(finance.get(BILLING + "/export.xlsx?from=2026-01-01&to=2026-01-31").statusCode()).isEqualTo(200);
    softly.assertThat(finance.get(BILLING + "/export.pdf?from=2026-01-01&to=2026-01-31").statusCode()).isEqualTo(404);
    softly.assertThat(finance.get(paths.get("GET " + BILLING + "/runs/{runId}")).statusCode()).isEqualTo(404);
    softly.assertThat(finance.get(paths.get("GET " + BILLING + "/invoices/{number}")).statusCode()).isEqualTo(404);
    softly.assertThat(finance.get(paths.get("GET " + BILLING + "/documents/{number}.pdf")).statusCode()).isEqualTo(404);
    softly.assertThat(finance.get(paths.get("GET " + BILLING + "/cases/{caseNumber}/payer")).statusCode()).isEqualTo(200);
    softly.assertThat(finance.get(BILLING + "/cases/NO-SUCH-CASE/payer").statusCode()).isEqualTo(404);
    softly.assertThat(finance.postForm(BILLING + "/runs", Map.of("month", "2099-13", "cutoff", "2026-01-01")).statusCode())
        .as("a month that does not exist").isEqualTo(400);
    softly.assertThat(finance.postForm(paths.get("POST " + BILLING + "/cases/{caseNumber}/payer"),
        Map.of("institutionName", "x".repeat(201), "contactEmail", "not an address", "billingCycle", "PER_CASE")).statusCode())
        .as("a payer too long and with a bad e-mail").isEqualTo(400);
    softly.assertThat(finance.postForm(paths.get("POST " + BILLING + "/invoices/{number}/credit-notes"), form).statusCode()).isEqualTo(404);
    softly.assertThat(billingRows()).as("nothing written by refused forms").isEqualTo(before);
    softly.assertAll();
  }

  private List<Long> billingRows() {
    return List.of(
        jdbc.queryForObject("select count(*) from payers", Long.class), jdbc.queryForObject("select count(*) from invoices", Long.class),
        jdbc.queryForObject("select count(*) from billing_runs", Long.class));
  }

  // The operator's session page and utilisation (cancellation and no-show policy).

  /**
   * A session's page and its actions answer the booking's unit (coordinators and operators) and admins;
   * anyone else gets the 403 page and changes nothing. Utilisation: admins every unit, a unit's
   * coordinators their own; operators and the others 403.
   */
  @Test
  void sessionPagesAreForTheBookingsUnitAndUtilisationForAdminsAndCoordinators() {
    assertThat(endpoints()).extracting(Endpoint::key).contains(
        "GET /console/sessions/{bookingId}", "POST /console/sessions/{bookingId}/check-in",
        "POST /console/sessions/{bookingId}/no-show", "POST /console/sessions/{bookingId}/cancellation",
        "GET /console/utilisation", "GET /console/utilisation.csv");
    long booking = tx.execute(status -> {
      jdbc.update("insert into bookings (case_id, unit_code, instrument_id, requested_hours, slot_start, slot_end, status, created_at, updated_at)"
          + " values (?, 'structure', 2, 2, '2031-03-03 01:00:00', '2031-03-03 03:00:00', 'RESERVED', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
          world.structureCase);
      return jdbc.queryForObject("select last_insert_id()", Long.class);
    });
    String page = "/console/sessions/" + booking;
    Map<String, PortalSession> staff = new LinkedHashMap<>();
    for (String person : List.of(world.admin, world.operator, world.omicsMember, world.desk, world.finance, world.imaging)) {
      PortalSession browser = new PortalSession(port);
      browser.signIn(person, ConsoleFixtures.PASSWORD);
      staff.put(person, browser);
    }
    Map<String, Object> before = jdbc.queryForMap("select * from bookings where id = ?", booking);
    SoftAssertions softly = new SoftAssertions();
    for (String person : List.of(world.admin, world.operator)) {
      HttpResponse<String> answer = staff.get(person).get(page);
      softly.assertThat(answer.statusCode()).as("%s's session page", person).isEqualTo(200);
      softly.assertThat(answer.body()).as("%s's session page", person).contains("Glacios (Yokohama)", world.number(world.structureCase), "id=\"check-in\"");
    }
    for (String person : List.of(world.omicsMember, world.desk, world.finance, world.imaging)) {
      PortalSession browser = staff.get(person);
      HttpResponse<String> answer = browser.raw("GET", page, null, Map.of());
      softly.assertThat(answer.statusCode()).as("%s's session page", person).isEqualTo(403);
      softly.assertThat(answer.body()).as("%s: the 403 page", person).contains("id=\"error-title\"").doesNotContain("Glacios");
      for (String action : List.of("/check-in", "/no-show", "/cancellation")) {
        softly.assertThat(browser.postForm(page + action, Map.of("applicantRequest", "true")).statusCode()).as("%s %s", person, action).isEqualTo(403);
      }
    }
    softly.assertThat(jdbc.queryForMap("select * from bookings where id = ?", booking)).as("the booking, untouched").isEqualTo(before);
    softly.assertThat(staff.get(world.admin).get("/console/sessions/999999999").statusCode()).as("an unknown booking").isEqualTo(404);
    softly.assertThat(staff.get(world.admin).get("/console/sessions/nine").statusCode()).as("not a booking id").isEqualTo(400);

    HttpResponse<String> all = staff.get(world.admin).get("/console/utilisation?month=2031-03");
    softly.assertThat(all.statusCode()).isEqualTo(200);
    softly.assertThat(all.body()).as("admins see every unit").contains("Glacios (Yokohama)", "Orbitrap Exploris 480");
    HttpResponse<String> omics = staff.get(world.omicsMember).get("/console/utilisation?month=2031-03");
    softly.assertThat(omics.statusCode()).isEqualTo(200);
    softly.assertThat(omics.body()).as("a coordinator sees their unit").contains("Orbitrap Exploris 480").doesNotContain("Glacios");
    softly.assertThat(staff.get(world.omicsMember).get("/console/utilisation.csv?month=2031-03").body()).contains("Orbitrap").doesNotContain("Glacios");
    for (String person : List.of(world.operator, world.desk, world.finance)) {
      softly.assertThat(staff.get(person).get("/console/utilisation").statusCode()).as("%s's utilisation", person).isEqualTo(403);
      softly.assertThat(staff.get(person).get("/console/utilisation.csv").statusCode()).as("%s's utilisation CSV", person).isEqualTo(403);
    }
    softly.assertThat(staff.get(world.admin).get("/console/utilisation?month=2031-13").statusCode()).as("a month that does not exist").isEqualTo(400);
    softly.assertAll();
    jdbc.update("delete from bookings where id = ?", booking);
  }

  // Cost recovery.

  /**
   * Cost recovery: without signing in, the sign-in page; applicants and staff who are neither finance, admins
   * nor a unit's coordinators, 403 on every endpoint; finance and admins read every unit and record costs of any
   * instrument; omics' coordinator reads omics only and records costs of omics' instruments (another unit's
   * instrument is 403, an unknown one 404). Nothing is written by a refused request.
   */
  @Test
  void costRecoveryIsForFinanceAdminsAndTheUnitsCoordinators() {
    assertThat(endpointsUnder("/console").stream().filter(e -> e.pattern().startsWith(RECOVERY)).map(Endpoint::key).toList())
        .containsExactlyInAnyOrderElementsOf(RECOVERY_ENDPOINTS);
    long omicsInstrument = 9;
    long structureInstrument = 1;
    Map<String, String> cost = Map.of("instrument", Long.toString(omicsInstrument), "incurredOn", "2026-05-01", "kind", "REPAIR",
        "amountYen", "120000", "description", "Ion source " + world.marker);
    Map<String, String> paths = Map.of(
        "GET " + RECOVERY, RECOVERY + "?year=2026", "GET " + RECOVERY + ".csv", RECOVERY + ".csv?year=2026",
        "GET " + RECOVERY + "/costs", RECOVERY + "/costs?instrument=" + omicsInstrument, "POST " + RECOVERY + "/costs", RECOVERY + "/costs",
        "POST " + RECOVERY + "/costs/{costId}/reversal", RECOVERY + "/costs/1/reversal");
    List<Map<String, Object>> before = upkeepCosts();
    SoftAssertions softly = new SoftAssertions();
    PortalSession anonymous = new PortalSession(port);
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    List<PortalSession> refused = new ArrayList<>(List.of(applicant));
    for (String person : List.of(world.desk, world.operator, world.steward)) {
      PortalSession browser = new PortalSession(port);
      browser.signIn(person, ConsoleFixtures.PASSWORD);
      refused.add(browser);
    }
    Map<String, Map<String, String>> forms = Map.of(
        "POST " + RECOVERY + "/costs", cost, "POST " + RECOVERY + "/costs/{costId}/reversal", Map.of("reason", "Refused"));
    for (String key : RECOVERY_ENDPOINTS) {
      String path = paths.get(key);
      boolean post = key.startsWith("POST");
      HttpResponse<String> anonymousAnswer = post ? anonymous.postForm(path, forms.get(key)) : anonymous.get(path);
      softly.assertThat(anonymousAnswer.statusCode()).as("%s without signing in", key).isEqualTo(302);
      softly.assertThat(anonymousAnswer.headers().firstValue("Location").orElse("")).as(key).endsWith("/login");
      for (PortalSession browser : refused) {
        softly.assertThat((post ? browser.postForm(path, forms.get(key)) : browser.get(path)).statusCode()).as("%s refused", key).isEqualTo(403);
      }
    }
    softly.assertThat(upkeepCosts()).as("nothing written").isEqualTo(before);

    Map<String, PortalSession> staff = new LinkedHashMap<>();
    for (String person : List.of(world.finance, world.admin, world.omicsMember)) {
      PortalSession browser = new PortalSession(port);
      browser.signIn(person, ConsoleFixtures.PASSWORD);
      staff.put(person, browser);
      for (String key : List.of("GET " + RECOVERY, "GET " + RECOVERY + ".csv", "GET " + RECOVERY + "/costs")) {
        softly.assertThat(browser.get(paths.get(key)).statusCode()).as("%s by %s", key, person).isEqualTo(200);
      }
      softly.assertThat(browser.get(RECOVERY + "/costs?instrument=999999999").statusCode()).as("no such instrument").isEqualTo(404);
    }
    PortalSession omics = staff.get(world.omicsMember);
    softly.assertThat(omics.get(RECOVERY + "?year=2026").body()).as("omics' coordinator reads omics only")
        .contains("Orbitrap Exploris 480").doesNotContain("Glacios");
    softly.assertThat(staff.get(world.finance).get(RECOVERY + "?year=2026").body()).as("finance reads every unit")
        .contains("Orbitrap Exploris 480", "Glacios");
    softly.assertThat(omics.get(RECOVERY + "/costs?instrument=" + structureInstrument).statusCode()).isEqualTo(403);
    Map<String, String> structureCost = new LinkedHashMap<>(cost);
    structureCost.put("instrument", Long.toString(structureInstrument));
    softly.assertThat(omics.postForm(RECOVERY + "/costs", structureCost).statusCode()).as("another unit's instrument").isEqualTo(403);
    softly.assertThat(upkeepCosts()).as("nothing written").isEqualTo(before);
    softly.assertThat(omics.postForm(RECOVERY + "/costs", cost).statusCode()).as("omics' own instrument").isEqualTo(302);
    softly.assertThat(staff.get(world.finance).postForm(RECOVERY + "/costs", structureCost).statusCode()).as("finance, any instrument").isEqualTo(302);
    long structureEntry = jdbc.queryForObject("select max(id) from upkeep_costs where instrument_id = ?", Long.class, structureInstrument);
    softly.assertThat(omics.postForm(RECOVERY + "/costs/" + structureEntry + "/reversal", Map.of("reason", "Not ours")).statusCode())
        .as("reversing another unit's entry").isEqualTo(403);
    softly.assertThat(staff.get(world.admin).postForm(RECOVERY + "/costs/" + structureEntry + "/reversal", Map.of("reason", "Test entry")).statusCode())
        .as("an admin reverses it").isEqualTo(302);
    softly.assertAll();
  }

  private List<Map<String, Object>> upkeepCosts() {
    return jdbc.queryForList("select * from upkeep_costs order by id");
  }
  // Fee documents as PDF: the statement of a case, for whoever sees the case.
  private static final String STATEMENT_PDF = "/console/cases/{caseNumber}/statement.pdf";

  @Test
  void theStatementPdfIsForThoseWhoSeeTheCaseAndItsDownloadFromAConfidentialCaseIsAudited() {
    assertThat(endpointsUnder("/console/cases").stream().map(Endpoint::key)).contains("GET " + STATEMENT_PDF);
    for (long caseId : world.all()) {
      jdbc.update(
          "insert into fee_statements (case_id, status, subtotal_yen, tax_rate, tax_yen, total_yen, issue_count, assessed_at, issued_at,"
              + " issued_version) values (?, 'ISSUED', 1000, 0.10, 100, 1100, 1, current_timestamp(6), current_timestamp(6), 1)",
          caseId);
      jdbc.update(
          "insert into fee_statement_versions (statement_id, version_no, subtotal_yen, tax_yen, total_yen, standard_tax_rate,"
              + " reduced_tax_rate, tax_rounding, created_by, created_at)"
              + " select id, 1, 1000, 100, 1100, 0.10, 0.08, 'FLOOR', 'system', current_timestamp(6) from fee_statements where case_id = ?",
          caseId);
    }
    SoftAssertions softly = new SoftAssertions();
    for (Map.Entry<String, Set<Long>> scope : scopes().entrySet()) {
      PortalSession browser = new PortalSession(port);
      browser.signIn(scope.getKey(), ConsoleFixtures.PASSWORD);
      for (long caseId : world.all()) {
        long viewsBefore = views(caseId);
        HttpResponse<byte[]> answer = browser.download(STATEMENT_PDF.replace("{caseNumber}", world.number(caseId)));
        String what = "the statement PDF of case " + caseId + " for " + scope.getKey();
        boolean visible = scope.getValue().contains(caseId);
        softly.assertThat(answer.statusCode()).as(what).isEqualTo(visible ? 200 : 404);
        softly.assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what).startsWith(visible ? "application/pdf" : "text/html");
        softly.assertThat(views(caseId) - viewsBefore).as("audit rows after %s", what).isEqualTo(visible && caseId == world.secretCase ? 1 : 0);
      }
    }
    softly.assertAll();
  }
}
