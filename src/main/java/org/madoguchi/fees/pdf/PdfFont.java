package org.madoguchi.fees.pdf;

import java.io.File;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Japanese font the fee PDFs embed. Its absence does not stop the application (everything but the
 * PDFs works), but start-up logs it, the health check reports it DOWN, and a PDF request fails with the
 * same message, which says how to install it.
 */
@Component("pdfFont")
class PdfFont implements HealthIndicator {

  /** The CSS font family the templates use. */
  static final String FAMILY = "IPAexGothic";

  private static final Logger log = LoggerFactory.getLogger(PdfFont.class);

  private final File file;

  PdfFont(FeePdfProperties properties) {
    this.file = new File(properties.font());
    if (!file.canRead()) {
      log.error(missing());
    }
  }

  /** The font file; throws with the installation hint when it is not there. */
  File file() {
    if (!file.canRead()) {
      throw new IllegalStateException(missing());
    }
    return file;
  }

  @Override
  public Health health() {
    return file.canRead()
        ? Health.up().withDetail("font", file.getPath()).build()
        : Health.down().withDetail("error", missing()).build();
  }

  private String missing() {
    return "The PDF font " + file.getPath() + " (madoguchi.fees.pdf.font) is missing or unreadable: install the Debian"
        + " package fonts-ipaexfont (bin/setup run installs it) or point madoguchi.fees.pdf.font at ipaexg.ttf";
  }
}
