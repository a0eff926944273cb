package org.madoguchi.admin.feepreview;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.ModelFile;

/** Tables the preview refuses before it reads any case. */
class DmnFeeSchedulePreviewTest {

  private final DmnFeeSchedulePreview preview = new DmnFeeSchedulePreview(null);

  @Test
  void aTableWithAnExternalEntityIsRefusedUnread() throws IOException {
    Path secret = Files.createTempFile("fee-preview-secret", ".txt");
    secret.toFile().deleteOnExit();
    Files.writeString(secret, "do-not-read");
    String table = Files.readString(Path.of("bpmn/fee-schedule.dmn"))
        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE definitions [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]>")
        .replace("\"Reagents at cost\"", "\"&secret;\"");
    ModelFile hostile = new ModelFile("fee-schedule.dmn", table.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> preview.preview(hostile, deployed(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fee-schedule.dmn is not a valid DMN table")
        .hasMessageNotContaining("do-not-read");
  }

  @Test
  void theNumberOfCasesIsBounded() {
    assertThatThrownBy(() -> preview.preview(deployed(), deployed(), 0)).hasMessage("lastClosedCases must be between 1 and 200, got 0");
    assertThatThrownBy(() -> preview.preview(deployed(), deployed(), 201)).hasMessage("lastClosedCases must be between 1 and 200, got 201");
  }

  private static ModelFile deployed() throws IOException {
    return new ModelFile("fee-schedule.dmn", Files.readAllBytes(Path.of("bpmn/fee-schedule.dmn")));
  }
}
