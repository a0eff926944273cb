package org.madoguchi.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxMailTest {

  private final OutboxMail mail =
      new OutboxMail(
          new Mail("a@example.org", "ja", "t", Map.of(), "k", 1L), "ja", new RenderedMail("s", "b"), Instant.EPOCH);

  @Test
  void backsOffExponentiallyFromThirtySecondsAndCapsAtAnHour() {
    Instant now = Instant.parse("2026-11-23T00:00:00Z");

    mail.markFailed("421 try later", now);
    assertThat(Duration.between(now, mail.nextAttemptAt())).isEqualTo(Duration.ofSeconds(30));
    mail.markFailed("421 try later", now);
    assertThat(Duration.between(now, mail.nextAttemptAt())).isEqualTo(Duration.ofSeconds(60));
    for (int i = 0; i < 20; i++) {
      mail.markFailed("421 try later", now);
    }
    assertThat(Duration.between(now, mail.nextAttemptAt())).isEqualTo(Duration.ofHours(1));
    assertThat(mail.attempts()).isEqualTo(22);
    assertThat(mail.sentAt()).isNull();
  }

  @Test
  void keepsItsAttachmentsAsReferencesAndAMailWithoutAnyHasNone() {
    List<MailAttachment> attachments =
        List.of(new MailAttachment("fee-statement", "42/2", "ja"), new MailAttachment("invoice", "INV-2026-000042", "en"));
    OutboxMail withFiles =
        new OutboxMail(new Mail("a@example.org", "ja", "t", Map.of(), "k2", 1L, attachments), "ja", new RenderedMail("s", "b"), Instant.EPOCH);

    assertThat(withFiles.attachments()).isEqualTo(attachments);
    assertThat(mail.attachments()).isEmpty();
  }

  @Test
  void anAttachmentReferenceIsAShortToken() {
    assertThatThrownBy(() -> new MailAttachment("fee-statement", "42 2", "ja")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailAttachment("fee-statement", "42/2\nx", "ja")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailAttachment(null, "42/2", "ja")).isInstanceOf(IllegalArgumentException.class);
  }
}
