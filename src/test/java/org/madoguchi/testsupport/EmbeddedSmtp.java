package org.madoguchi.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

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
}
