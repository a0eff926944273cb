package org.madoguchi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.EmbeddedSmtp;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail server that accepts connections and never answers (a paused process) must cost a sign-up
 * nothing and leave the health answer alone; the mail goes out once the server answers again. Every
 * wait on the application is bounded by the HTTP client's timeout, not by a timed assertion.
 */
@MadoguchiIT
class SilentMailServerIT {

  /** Far longer than a sign-up or a health check takes, far shorter than the 50 and 70 s. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JavaMailSenderImpl sender;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(ANSWER_WITHIN).build();
  private PausableSmtp smtp;
  private int realPort;
  private Properties realProperties;

  @BeforeEach
  void pointTheSenderAtAPausedServer() throws IOException {
    realPort = sender.getPort();
    realProperties = sender.getJavaMailProperties();
    smtp = new PausableSmtp(realPort);
    sender.setPort(smtp.port());
    // The configured read timeout, shortened so the test does not wait out 30 s of silence.
    Properties shorter = new Properties();
    shorter.putAll(realProperties);
    shorter.put("mail.smtp.timeout", "3000");
    sender.setJavaMailProperties(shorter);
  }

  @AfterEach
  void restoreTheSender() throws IOException {
    sender.setPort(realPort);
    sender.setJavaMailProperties(realProperties);
    smtp.close();
  }

  @Test
  void theSenderBootBuildsCarriesTheConfiguredTimeouts() {
    assertThat(realProperties)
        .containsEntry("mail.smtp.connectiontimeout", "10000")
        .containsEntry("mail.smtp.timeout", "30000")
        .containsEntry("mail.smtp.writetimeout", "30000");
  }

  @Test
  void aSilentMailServerDelaysTheMailButNotTheSignUpNorTheHealthAnswer() throws Exception {
    String email = "silent-" + UUID.randomUUID() + "@madoguchi.example";

    HttpResponse<String> signup = signUp(email);
    assertThat(signup.statusCode()).isEqualTo(302);
    assertThat(signup.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signup/sent"));

    HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");

    // The relay's attempt met the silence, gave up on the configured read timeout and scheduled a retry.
    Map<String, Object> failed = await("the attempt on the silent server fails")
        .atMost(Duration.ofSeconds(60))
        .until(() -> verificationMail(email), row -> row != null && ((Number) row.get("attempts")).intValue() >= 1);
    assertThat((String) failed.get("last_error")).containsIgnoringCase("timed out");
    assertThat(failed.get("sent_at")).isNull();

    smtp.resume();
    // The retry comes after the mail outbox's first backoff (30 s).
    await("the retry once the server answers")
        .atMost(Duration.ofMinutes(2))
        .until(() -> verificationMail(email).get("sent_at") != null);
    assertThat(EmbeddedSmtp.awaitMailTo(email, 1)).hasSize(1);
  }

  private Map<String, Object> verificationMail(String email) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select attempts, last_error, sent_at from mail_outbox where recipient = ? and template = 'account-verification'", email);
    return rows.isEmpty() ? null : rows.getFirst();
  }

  private HttpResponse<String> signUp(String email) throws Exception {
    Matcher token = CSRF.matcher(send(HttpRequest.newBuilder(uri("/signup")).GET()).body());
    assertThat(token.find()).isTrue();
    Map<String, String> fields = Map.of(
        "displayName", "Silent Server", "email", email, "password", "long enough 123", "language", "en", "_csrf", token.group(1));
    String form = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri("/signup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Fails with HttpTimeoutException if the application does not answer within {@link #ANSWER_WITHIN}. */
  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(ANSWER_WITHIN).header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * In front of the real SMTP server: while paused it accepts connections and says nothing (as a
   * stopped process whose socket is still open does); once resumed it relays new connections to GreenMail.
   */
  private static final class PausableSmtp implements AutoCloseable {

    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final int target;
    private volatile boolean paused = true;

    PausableSmtp(int target) throws IOException {
      this.target = target;
      Thread.ofVirtual().start(this::accept);
    }

    int port() {
      return listener.getLocalPort();
    }

    void resume() {
      paused = false;
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          held.add(client);
          if (!paused) {
            Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
            held.add(server);
            pipe(client.getInputStream(), server.getOutputStream());
            pipe(server.getInputStream(), client.getOutputStream());
          }
        } catch (IOException e) {
          return;
        }
      }
    }

    private static void pipe(InputStream from, OutputStream to) {
      Thread.ofVirtual().start(() -> {
        try (from; to) {
          from.transferTo(to);
        } catch (IOException ignored) {
          // one side closed: the conversation is over
        }
      });
    }

    @Override
    public void close() throws IOException {
      listener.close();
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
