package org.madoguchi.hostile;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.madoguchi.hostile.Endpoints.Endpoint;
import org.madoguchi.hostile.HostileRequests.Hostile;
import org.madoguchi.hostile.HostileRequests.Sender;
import org.madoguchi.hostile.HostileRequests.Targets;

/**
 * Sends thousands of malformed and hostile requests to every endpoint of a running Madoguchi, as nobody,
 * an applicant (API and portal session), a staff member and an applicant at another applicant's case,
 * then reports the answers by status class, every 5xx, the rows written meanwhile (which must be none:
 * every request is built to be refused) and whether the application is healthy after.
 *
 * <p>{@code bin/madoguchi hostile [base-url]}: against a running stack (default http://127.0.0.1:8080)
 * with its demo accounts; row counts from {@code MADOGUCHI_DB_URL} ({@code _USER}, {@code _PASSWORD}).
 */
public final class HostileInput {

  /** A person who signs in with a password on the pages, and calls the API with a token made there. */
  record Person(String email, String password) {}

  /** Who the generator acts as: an applicant, another applicant (whose case it attacks) and a staff member. */
  record Cast(Person applicant, Person otherApplicant, Person staff) {}

  record Report(
      int sent, Map<String, Integer> byStatusClass, int serverErrors, List<String> serverErrorSamples, int acceptedWrites,
      Map<String, Long> rowsWritten, int tablesCounted, boolean healthy, long seconds) {

    String text() {
      StringBuilder out = new StringBuilder();
      out.append("hostile input: ").append(sent).append(" requests in ").append(seconds).append(" s\n");
      out.append("  responses by status class: ").append(byStatusClass).append('\n');
      out.append("  5xx: ").append(serverErrors).append('\n');
      serverErrorSamples.forEach(s -> out.append("    ").append(s).append('\n'));
      out.append("  accepted requests that could write (not GET, HEAD, OPTIONS or TRACE; 2xx, or 3xx but to sign-in): ").append(acceptedWrites).append('\n');
      out.append("  rows written by refused requests: ")
          .append(rowsWritten.values().stream().mapToLong(Math::abs).sum())
          .append(rowsWritten.isEmpty() ? "" : " " + rowsWritten)
          .append(" (").append(tablesCounted).append(" tables counted; not counted: ");
      TableCounts.BACKGROUND.forEach((table, why) -> out.append(table).append(" (").append(why).append("); "));
      out.setLength(out.length() - 2);
      out.append(")\n");
      out.append("  /actuator/health after: ").append(healthy ? "UP" : "NOT UP").append('\n');
      return out.toString();
    }
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");
  /** Methods that only read (OPTIONS answers which methods a path allows). */
  private static final java.util.Set<String> READING = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Pattern TOKEN_SECRET = Pattern.compile("id=\"token-secret\">(mdg_[A-Za-z0-9_-]+)<");
  private static final String CASE_NUMBER = "\"caseNumber\"\\s*:\\s*\"([^\"]+)\"";

  private final String base;
  private final Cast cast;
  private final TableCounts tables;
  private final long seed;
  private final HttpClient anonymous = client();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  HostileInput(String base, Cast cast, TableCounts tables, long seed) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.cast = cast;
    this.tables = tables;
    this.seed = seed;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Cast demo =
        new Cast(
            new Person("aoi.tanaka@u-tokyo.example.ac.jp", "demo"), new Person("ken.sato@pharma.example.co.jp", "demo"),
            new Person("desk@madoguchi.example", "demo"));
    Report report = new HostileInput(base, demo, TableCounts.fromEnvironment(), 10).run(count);
    System.out.print(report.text());
    System.exit(report.serverErrors() == 0 && report.rowsWritten().isEmpty() && report.healthy() ? 0 : 1);
  }

  Report run(int count) throws Exception {
    long started = System.nanoTime();
    for (Person person : List.of(cast.applicant(), cast.otherApplicant(), cast.staff())) {
      createToken(person);
    }
    Targets targets = new Targets(submitCase(cast.applicant()), submitCase(cast.otherApplicant()));
    Session applicant = signIn(cast.applicant());
    Session staff = signIn(cast.staff());
    Session visitor = visit();
    List<Endpoint> endpoints = withSignInAndOut(Endpoints.scan());
    HostileRequests requests = new HostileRequests(endpoints, targets, seed);
    Map<String, Long> before = tables.settled(3, 1_000, 90);

    Map<String, Integer> byClass = new ConcurrentHashMap<>();
    AtomicInteger serverErrors = new AtomicInteger();
    AtomicInteger acceptedWrites = new AtomicInteger();
    ConcurrentSkipListSet<String> samples = new ConcurrentSkipListSet<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < count; i++) {
        int index = i;
        pool.submit(() -> {
          Hostile request = requests.make(index);
          Answer answer = send(request, switch (request.sender()) {
            case STAFF -> staff;
            case NOBODY -> visitor;
            default -> applicant;
          });
          int status = answer.status();
          byClass.merge(status < 0 ? "no answer" : status / 100 + "xx", 1, Integer::sum);
          if (status >= 500 || status < 0) {
            serverErrors.incrementAndGet();
            samples.add(status + " " + request.describe());
          } else if (!answer.refused() && !READING.contains(request.method())) {
            acceptedWrites.incrementAndGet();
            samples.add("accepted " + status + " " + request.describe());
          }
        });
      }
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.MINUTES);
    }
    Map<String, Long> after = tables.settled(3, 1_000, 90);
    List<String> shown = new ArrayList<>(samples).subList(0, Math.min(samples.size(), 100));
    return new Report(
        count, new TreeMap<>(byClass), serverErrors.get(), shown, acceptedWrites.get(), TableCounts.difference(before, after),
        after.size(), healthy(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  /** Spring Security's own endpoints, which no controller maps. */
  private static List<Endpoint> withSignInAndOut(List<Endpoint> endpoints) {
    List<Endpoint> all = new ArrayList<>(endpoints);
    for (String path : List.of("/login", "/logout")) {
      all.add(new Endpoint(java.util.Set.of(org.springframework.web.bind.annotation.RequestMethod.POST), path,
          Endpoints.Body.FORM, null, List.of("email", "password")));
    }
    return all;
  }

  /** The answer's status and where it redirects to. */
  private record Answer(int status, String location) {

    /** Refused: 4xx, or a redirect to sign in. */
    boolean refused() {
      return status >= 400 || (status >= 300 && location.contains("/login"));
    }
  }

  /** The status, or -1 when no answer came (a reset connection, a timeout). */
  private Answer send(Hostile request, Session session) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + request.path()))
            .timeout(Duration.ofSeconds(60))
            .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    HttpClient client = anonymous;
    switch (request.sender()) {
      case WRONG_TOKEN -> builder.header("Authorization", "Bearer mdg_" + "0".repeat(43));
      case GARBAGE_CREDENTIALS -> builder.header("Authorization", "Bearer !!!" + "=".repeat(3));
      default -> {
        if (request.endpoint().path().startsWith("/api/")) {
          if (request.sender() != Sender.NOBODY) {
            authorize(builder, request.sender() == Sender.STAFF ? cast.staff() : cast.applicant());
          }
        } else {
          client = session.client();
          if (request.csrf() && !request.method().equals("GET")) {
            builder.header("X-CSRF-TOKEN", session.csrf());
          }
        }
      }
    }
    try {
      HttpResponse<Void> response = client.send(builder.build(), HttpResponse.BodyHandlers.discarding());
      return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""));
    } catch (IOException e) {
      return new Answer(-1, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "");
    } catch (IllegalArgumentException e) {
      // A header or method the HTTP client itself refuses to send: not the application's answer.
      return new Answer(400, "");
    }
  }

  /** How API calls are authenticated; the one place that knows: the person's API token. */
  private void authorize(HttpRequest.Builder request, Person person) {
    request.header("Authorization", "Bearer " + tokens.get(person.email()));
  }

  /** Makes an API token for the person on the portal's tokens page, as its owner would. */
  private void createToken(Person person) throws IOException, InterruptedException {
    Session session = signIn(person);
    String form = "name=hostile-input&days=7&_csrf=" + URLEncoder.encode(session.csrf(), StandardCharsets.UTF_8);
    session.client().send(
        HttpRequest.newBuilder(URI.create(base + "/account/tokens"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    String page = session.client().send(HttpRequest.newBuilder(URI.create(base + "/account/tokens")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher secret = TOKEN_SECRET.matcher(page);
    if (!secret.find()) {
      throw new IllegalStateException("no new API token on the tokens page of " + person.email());
    }
    tokens.put(person.email(), secret.group(1));
  }

  /** A valid request by {@code person}, so that the generator has an own and another's case to aim at. */
  private String submitCase(Person person) throws IOException, InterruptedException {
    String body =
        HostileRequests.json(
            Map.of(
                "applicantName", "Hostile Input", "affiliation", "Example University", "email", person.email(),
                "applicantCategory", "academic", "title", "A target for the hostile-input run",
                "summary", "A case the generator aims its requests at, with nothing else to it.", "aims", "None.",
                "confidentiality", "open", "dataPolicyAccepted", true));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/cases"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    authorize(request, person);
    HttpResponse<String> response = anonymous.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Matcher number = Pattern.compile(CASE_NUMBER).matcher(response.body());
    if (response.statusCode() != 201 || !number.find()) {
      throw new IllegalStateException("cannot submit a case as " + person.email() + ": " + response.statusCode() + " " + response.body());
    }
    return number.group(1);
  }

  /** A browser's session: its cookies and CSRF token. */
  private record Session(HttpClient client, String csrf) {}

  /** A browser that has not signed in, with the CSRF token of its session. */
  private Session visit() throws IOException, InterruptedException {
    HttpClient client = client();
    return new Session(client, csrfOf(client));
  }

  private Session signIn(Person person) throws IOException, InterruptedException {
    HttpClient client = client();
    String token = csrfOf(client);
    String form = "email=" + URLEncoder.encode(person.email(), StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(person.password(), StandardCharsets.UTF_8) + "&_csrf=" + token;
    HttpResponse<Void> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("cannot sign in as " + person.email() + ": " + response.statusCode() + " " + location);
    }
    return new Session(client, csrfOf(client));
  }

  private String csrfOf(HttpClient client) throws IOException, InterruptedException {
    String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + base + "/login");
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private boolean healthy() {
    try {
      HttpResponse<String> health =
          anonymous.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 && health.body().contains("\"UP\"");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }
}
