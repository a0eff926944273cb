package org.madoguchi.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A personal API token of an account of a running Madoguchi, made as a person makes one: signed in on
 * the portal with the password, the form on /account/tokens posted, the secret read from the page that
 * shows it once. For suites that drive a running stack over plain HTTP (HTTP/1.1: no upgrade request).
 */
public final class PortalApiToken {

  private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
  private static final Pattern SECRET = Pattern.compile("id=\"token-secret\">(mdg_[A-Za-z0-9_-]+)<");

  private PortalApiToken() {}

  /** The secret of a new token named {@code name}, valid for 7 days, of the account {@code email}. */
  public static String create(String baseUrl, String email, String password, String name) {
    HttpClient portal = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
    HttpResponse<String> signedIn =
        send(portal, form(baseUrl, "/login", Map.of("email", email, "password", password, "_csrf", csrf(portal, baseUrl, "/login"))));
    if (!signedIn.headers().firstValue("Location").orElse("").contains("/portal/requests")) {
      throw new IllegalStateException("sign-in of " + email + " at " + baseUrl + " refused: " + signedIn.statusCode());
    }
    send(portal, form(baseUrl, "/account/tokens", Map.of("name", name, "days", "7", "_csrf", csrf(portal, baseUrl, "/account/tokens"))));
    Matcher secret = SECRET.matcher(send(portal, get(baseUrl, "/account/tokens")).body());
    if (!secret.find()) {
      throw new IllegalStateException("no new token on the tokens page of " + email);
    }
    return secret.group(1);
  }

  private static String csrf(HttpClient portal, String baseUrl, String path) {
    Matcher token = CSRF.matcher(send(portal, get(baseUrl, path)).body());
    if (!token.find()) {
      throw new IllegalStateException("no CSRF token on " + path);
    }
    return token.group(1);
  }

  private static HttpRequest get(String baseUrl, String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build();
  }

  private static HttpRequest form(String baseUrl, String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Madoguchi did not answer " + request.uri() + " (is the stack running?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
