package org.madoguchi.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's portal session over plain HTTP (cookies, CSRF token from the pages, no redirects
 * followed), for integration tests that need status codes and headers rather than a rendered page.
 */
public final class PortalSession {

  private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  public PortalSession(int port) {
    this(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build());
  }

  private PortalSession(int port, HttpClient http) {
    this.base = "http://127.0.0.1:" + port;
    this.http = http;
  }

  /** The same browser (its cookies) talking to another instance of the application, as behind a load balancer. */
  public PortalSession at(int port) {
    return new PortalSession(port, http);
  }

  /** Signs in through the form; returns where the sign-in redirected to. */
  public String signIn(String email, String password) {
    HttpResponse<String> response = postForm("/login", Map.of("email", email, "password", password));
    return response.headers().firstValue("Location").orElse("");
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET().build());
  }

  /** A form POST with the session's CSRF token (read from the sign-in page). */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", csrfToken());
    return postFormWithoutCsrf(path, withToken);
  }

  public HttpResponse<String> postFormWithoutCsrf(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * Any request in this session: JSON for {@code /api/**} and {@code /portal/api/**} (as the portal's
   * scripts send it), a form post for pages; no CSRF token unless given in {@code headers}.
   */
  public HttpResponse<String> raw(String method, String path, String body, Map<String, String> headers) {
    boolean json = path.startsWith("/api/") || path.startsWith("/portal/api/");
    String content = body == null ? null : json ? body : "";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept-Language", "en")
            .header("Accept", json ? "application/json" : "text/html")
            .method(method, content == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(content));
    if (content != null) {
      request.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded");
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  /** A GET whose answer is kept as bytes (a download). */
  public HttpResponse<byte[]> download(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * A multipart/form-data POST of one file in the part {@code file}, as a browser's form or the portal's
   * scripts send it, in {@code language}; no CSRF token unless given in {@code path} or {@code headers}.
   */
  public HttpResponse<String> postFile(String path, String fileName, byte[] content, String language, Map<String, String> headers) {
    String boundary = "----madoguchi" + System.nanoTime();
    byte[] head =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept-Language", language)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** A GET asking for JSON, as a page's script sends it (problem details when it fails). */
  public HttpResponse<String> getJson(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").header("Accept", "application/json").GET().build());
  }

  /** A JSON POST to a page's endpoint, as a page's script sends it: with the CSRF token in its header. */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Accept-Language", "en")
            .header("X-CSRF-TOKEN", csrfToken())
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** The session's CSRF token, as every page carries it. */
  public String csrfToken() {
    String page = get("/login").body();
    Matcher input = CSRF_INPUT.matcher(page);
    if (input.find()) {
      return input.group(1);
    }
    Matcher meta = CSRF_META.matcher(page);
    if (meta.find()) {
      return meta.group(1);
    }
    throw new AssertionError("no CSRF token on the sign-in page");
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
