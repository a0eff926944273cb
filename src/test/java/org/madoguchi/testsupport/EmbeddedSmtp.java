package org.madoguchi.testsupport;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on loopback, one per JVM; tests read what Madoguchi sent. */
public final class EmbeddedSmtp {

  private static GreenMail instance;

  private EmbeddedSmtp() {}

  public static synchronized GreenMail start() {
    if (instance == null) {
      instance = new GreenMail(new ServerSetup(EmbeddedZeebe.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      instance.start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-smtp-stop"));
    }
    return instance;
  }

  /** Waits until the server has received at least {@code count} mails to {@code address}; returns them all. */
  public static List<MimeMessage> awaitMailTo(String address, int count) {
    GreenMail smtp = start();
    return await("mail to " + address)
        .atMost(ProcessDriver.TIMEOUT)
        .until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, address)).toList(),
            received -> received.size() >= count);
  }

  /** The bytes of the mail's PDF part; null if it has none. */
  public static byte[] pdfPart(MimeMessage mail) throws Exception {
    if (mail.getContent() instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("application/pdf")) {
          return part.getInputStream().readAllBytes();
        }
      }
    }
    return null;
  }

  private static boolean sentTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
    } catch (MessagingException e) {
      return false;
    }
  }
}
