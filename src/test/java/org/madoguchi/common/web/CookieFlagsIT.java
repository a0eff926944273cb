package org.madoguchi.common.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cookie Madoguchi sets, through a whole visit (sign-in page, language switch, sign-in, a portal
 * page, the console's refusal, sign-out), is Secure, HttpOnly and SameSite=Lax with the production
 * setting of application.yml (the test profile turns Secure off for plain HTTP; this test turns it back).
 * The client keeps cookies itself: Java's cookie store would not send Secure cookies over plain HTTP.
 */
@MadoguchiIT
// A context of its own, closed after the class: its outbox relays would take other tests' mail and commands.
@DirtiesContext
@TestPropertySource(properties = "server.servlet.session.cookie.secure=true")
class CookieFlagsIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> jar = new LinkedHashMap<>();
  private final List<String> setCookies = new ArrayList<>();

  @Test
  void applicationYmlMakesSessionCookiesSecureUnlessToldOtherwise() throws IOException {
    var yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml")).getFirst();
    assertThat(yaml.getProperty("server.servlet.session.cookie.secure")).hasToString("${MADOGUCHI_SECURE_COOKIES:true}");
    assertThat(yaml.getProperty("server.servlet.session.cookie.http-only")).isEqualTo(true);
    assertThat(yaml.getProperty("server.servlet.session.cookie.same-site")).hasToString("lax");
  }

  @Test
  void everyCookieOfAVisitIsSecureHttpOnlyAndSameSite() {
    String email = "cookie-flags-" + System.nanoTime() + "@example.org";
    accounts.ensure(email, "cookie-flags-password", "Cookie Flags", "en", Set.of(Role.APPLICANT));

    get("/login");
    post("/language", Map.of("lang", "ja", "returnTo", "/login"));
    String beforeSignIn = jar.get("JSESSIONID");
    HttpResponse<String> signIn = post("/login", Map.of("email", email, "password", "cookie-flags-password"));
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(jar.get("JSESSIONID")).as("a new session id at sign-in").isNotEqualTo(beforeSignIn);
    assertThat(get("/portal/requests").statusCode()).isEqualTo(200);
    get("/console");
    post("/logout", Map.of());

    assertThat(setCookies).as("the visit sets a session cookie").isNotEmpty();
    for (String cookie : setCookies) {
      if (clears(cookie)) {
        // Sign-out's expired, empty JSESSIONID only removes the browser's copy: it carries nothing.
        continue;
      }
      String attributes = cookie.toLowerCase();
      assertThat(attributes).as(cookie).contains("; secure").contains("; httponly").contains("; samesite=lax");
    }
  }

  private static boolean clears(String cookie) {
    return cookie.contains("Max-Age=0") && cookie.substring(cookie.indexOf('=') + 1).startsWith(";");
  }

  private HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  private HttpResponse<String> post(String path, Map<String, String> fields) {
    Matcher token = CSRF.matcher(get("/login").body());
    assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", token.group(1));
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", "en");
    if (!jar.isEmpty()) {
      request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        setCookies.add(cookie);
        String pair = cookie.split(";", 2)[0];
        jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
