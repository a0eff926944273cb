package org.madoguchi.fees.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class PdfFontTest {

  @Test
  void aMissingFontIsReportedDownAndRefusesPdfsSayingHowToInstallIt() {
    PdfFont missing = new PdfFont(new FeePdfProperties("/nowhere/ipaexg.ttf"));

    assertThat(missing.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(String.valueOf(missing.health().getDetails().get("error")))
        .contains("/nowhere/ipaexg.ttf", "madoguchi.fees.pdf.font", "fonts-ipaexfont");
    assertThatThrownBy(missing::file).isInstanceOf(IllegalStateException.class).hasMessageContaining("fonts-ipaexfont");
  }
}
