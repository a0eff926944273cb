package org.madoguchi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.EmbeddedSmtp;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@MadoguchiIT
class MailOutboxIT {

  @Autowired Mailer mailer;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  private final Map<String, Object> model =
      Map.of("caseNumber", "BINDS-2026-99999", "caseTitle", "Outbox", "applicantName", "Emma Wright", "caseUrl", "http://x");

  @Test
  void mailQueuedTwiceWithOneKeyIsSentOnceWithAStableMessageId() throws Exception {
    String to = "outbox-" + System.nanoTime() + "@example.org";
    Mail mail = new Mail(to, "en", "case-confirmation", model, "test-once:" + to, null);

    Boolean first = transactions.execute(status -> mailer.enqueue(mail));
    Boolean second = transactions.execute(status -> mailer.enqueue(mail));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    List<MimeMessage> received = EmbeddedSmtp.awaitMailTo(to, 1);
    Long id = jdbc.queryForObject("select id from mail_outbox where dedupe_key = ?", Long.class, "test-once:" + to);
    assertThat(received.getFirst().getMessageID()).isEqualTo("<outbox-" + id + "@madoguchi>");
    assertThat(received.getFirst().getSubject()).isEqualTo("[BINDS-2026-99999] Your support request has been received");
    await().atMost(ProcessDriver.TIMEOUT).until(() ->
        jdbc.queryForObject("select sent_at is not null from mail_outbox where id = ?", Boolean.class, id));
  }

  @Test
  void aMailWhoseRelayDiedBeforeRecordingItIsSentAgainWithTheSameMessageId() throws Exception {
    String to = "crash-" + System.nanoTime() + "@example.org";
    transactions.execute(status -> mailer.enqueue(new Mail(to, "en", "case-confirmation", model, "test-crash:" + to, null)));
    EmbeddedSmtp.awaitMailTo(to, 1);
    Long id = jdbc.queryForObject("select id from mail_outbox where dedupe_key = ?", Long.class, "test-crash:" + to);
    await().atMost(ProcessDriver.TIMEOUT).until(() ->
        jdbc.queryForObject("select sent_at is not null from mail_outbox where id = ?", Boolean.class, id));

    // as if the relay had died after the server accepted the mail, before marking it sent, and its lease ran out
    jdbc.update("update mail_outbox set sent_at = null, claimed_by = 'a relay that died', next_attempt_at = created_at"
        + " where id = ?", id);

    List<MimeMessage> received = EmbeddedSmtp.awaitMailTo(to, 2);
    assertThat(received).extracting(MimeMessage::getMessageID).containsOnly("<outbox-" + id + "@madoguchi>");
    await().atMost(ProcessDriver.TIMEOUT).until(() ->
        jdbc.queryForObject("select sent_at is not null and claimed_by is null from mail_outbox where id = ?", Boolean.class, id));
  }

  @Test
  void mailRolledBackWithItsTransactionIsNeverSent() throws Exception {
    String to = "rolled-back-" + System.nanoTime() + "@example.org";

    transactions.executeWithoutResult(status -> {
      mailer.enqueue(new Mail(to, "en", "case-confirmation", model, "test-rollback:" + to, null));
      status.setRollbackOnly();
    });

    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, to)).isZero();
  }

  @Test
  void aMailTheServerRefusesStaysQueuedForRetry() {
    String to = "not an address@@example.org";
    transactions.execute(status -> mailer.enqueue(new Mail(to, "en", "case-confirmation", model, "test-refused", null)));

    await().atMost(ProcessDriver.TIMEOUT).until(() ->
        jdbc.queryForObject("select attempts from mail_outbox where dedupe_key = 'test-refused'", Integer.class) > 0);
    Map<String, Object> row = jdbc.queryForMap(
        "select sent_at, dead_at, claimed_by, last_error, next_attempt_at > created_at as later from mail_outbox"
            + " where dedupe_key = 'test-refused'");
    assertThat(row.get("sent_at")).isNull();
    assertThat(row.get("dead_at")).isNull();
    assertThat(row.get("claimed_by")).isNull();
    assertThat(row.get("last_error")).isNotNull();
    assertThat(row.get("later")).isIn(1, 1L, true);
  }
}
