package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.madoguchi.admin.validation.OwnModels.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelProblem;
import org.madoguchi.admin.ModelValidator;

/** Hostile and oversized uploads are refused with a clear problem before any model parser reads them. */
class SafeInputTest {

  private static List<ModelProblem> problemsOf(ModelFile... upload) {
    return OwnModels.CHECKS.validateForEngine(List.of(upload), EngineVersion.CAMUNDA_8_8, Locale.ENGLISH).problems();
  }

  private static void assertRefused(ModelFile upload, String code) {
    assertThat(problemsOf(upload)).extracting(ModelProblem::file, ModelProblem::code).containsExactly(tuple(upload.name(), code));
  }

  @Test
  void anExternalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-VALUE");
    ModelFile xxe = text("research-support.bpmn", """
        <?xml version="1.0"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "%s">]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="p" name="&secret;" isExecutable="true"/>
        </bpmn:definitions>
        """.formatted(secret.toUri()));
    List<ModelProblem> problems = problemsOf(xxe);
    assertThat(problems).extracting(ModelProblem::code).containsExactly("xml-doctype");
    assertThat(problems.getFirst().message()).doesNotContain("TOP-SECRET-VALUE");
  }

  @Test
  void anEntityExpansionIsRefused() {
    StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      entities.append("<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
    }
    assertRefused(text("fee-schedule.dmn", """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [%s]>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="&lol9;" namespace="n"/>
        """.formatted(entities)), "xml-doctype");
  }

  @Test
  void aDoctypeAfterLeadingWhitespaceOrInUtf16IsStillFound() {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/x.dtd\"><x/>";
    assertRefused(new ModelFile("x.bpmn", xml.getBytes(StandardCharsets.UTF_16)), "xml-doctype");
  }

  @Test
  void notXmlIsRefused() {
    assertRefused(text("research-support.bpmn", "%PDF-1.7 this is no model"), "xml-malformed");
  }

  @Test
  void aFiftyMegabyteFileIsRefusedUnread() {
    byte[] huge = new byte[50 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    assertRefused(new ModelFile("research-support.bpmn", huge), "file-too-large");
  }

  @Test
  void tooManyFilesAreRefused() {
    List<ModelFile> files = new ArrayList<>();
    for (int i = 0; i <= ModelValidator.MAX_FILES; i++) {
      files.add(text("form-" + i + ".form", "{}"));
    }
    assertThat(OwnModels.CHECKS.validateForEngine(files, EngineVersion.CAMUNDA_8_8, Locale.ENGLISH).problems())
        .extracting(ModelProblem::code).containsExactly("upload-too-many-files");
  }

  @Test
  void onlyKnownFileKindsAreAccepted() {
    assertRefused(text("deploy.sh", "rm -rf /"), "file-kind-unknown");
    assertRefused(text("../models/research-support.bpmn", "<x/>"), "file-kind-unknown");
    assertRefused(text("support-request.fr.json", "{}"), "file-kind-unknown");
  }

  @Test
  void aFormWithTenThousandComponentsIsRefused() {
    String components = String.join(",", java.util.Collections.nCopies(10_000, "{\"type\":\"textfield\",\"key\":\"k\"}"));
    assertRefused(text("big.form", "{\"id\":\"big\",\"schemaVersion\":16,\"components\":[" + components + "]}"),
        "form-too-many-components");
  }

  @Test
  void aFormNestedTooDeepIsRefused() {
    String form = "{\"type\":\"textfield\",\"key\":\"leaf\"}";
    for (int i = 0; i < 12; i++) {
      form = "{\"type\":\"group\",\"id\":\"g" + i + "\",\"components\":[" + form + "]}";
    }
    assertRefused(text("deep.form", "{\"id\":\"deep\",\"schemaVersion\":16,\"components\":[" + form + "]}"), "form-too-deep");
  }

  @Test
  void jsonBeyondTheParserLimitsIsRefused() {
    assertRefused(text("nested.form", "[".repeat(5_000) + "]".repeat(5_000)), "json-limits");
    assertRefused(text("number.form", "{\"id\":\"n\",\"schemaVersion\":" + "9".repeat(5_000) + "}"), "json-limits");
  }

  @Test
  void notJsonIsRefused() {
    assertRefused(text("broken.form", "{\"id\": "), "json-malformed");
    assertRefused(text("support-request.ja.json", "[]"), "json-malformed");
  }
}
