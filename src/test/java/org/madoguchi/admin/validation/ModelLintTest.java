package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;

/** {@code bin/madoguchi lint}: one line per problem and a summary per engine version. */
class ModelLintTest {

  @Test
  void theRepositorysModelsHaveNoProblemOnEitherVersion() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean clean = ModelLint.run(Path.of("."), List.of(EngineVersion.values()), Locale.ENGLISH, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("0 problems for Camunda 8.6; 3 bpmn, 2 dmn")
        .contains("0 problems for Camunda 8.8; 3 bpmn, 2 dmn");
    assertThat(clean).isTrue();
  }

  @Test
  void aBrokenModelIsPrintedWithItsElementAndFailsTheRun(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("bpmn"));
    Files.createDirectories(dir.resolve("forms"));
    for (ModelFile file : OwnModels.all()) {
      Path folder = dir.resolve(file.name().endsWith(".bpmn") || file.name().endsWith(".dmn") ? "bpmn" : "forms");
      Files.write(folder.resolve(file.name()), file.content());
    }
    ModelFile broken = OwnModels.changed("unit-support.bpmn", "type=\"booking.reserve\"", "type=\"booking.hold\"");
    Files.write(dir.resolve("bpmn").resolve(broken.name()), broken.content());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean clean = ModelLint.run(dir, List.of(EngineVersion.CAMUNDA_8_6), Locale.JAPANESE, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(clean).isFalse();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("unit-support.bpmn:ReserveInstrument: [job-type-no-worker] ジョブタイプ booking.hold")
        // RecordUsage still gets its bookingId from the applicant's pick of a proposed slot.
        .doesNotContain("[variable-not-provided]")
        .contains("1 problems for Camunda 8.6");
  }
}
