package org.madoguchi.documents;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.madoguchi.common.web.InvalidRequestException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The type comes from the content: a name or a declared type never makes a file acceptable. */
class DocumentTypesTest {

  private final DocumentTypes types = new DocumentTypes();

  private DocumentTypes.Detected detect(byte[] content, String name) {
    return types.detect(new ByteArrayInputStream(content), name);
  }

  private static void refused(Runnable detection, String messageKey) {
    assertThatThrownBy(detection::run)
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("file");
            assertThat(v.messageKey()).isEqualTo(messageKey);
          });
        });
  }

  @Test
  void acceptsPdfImagesAndOfficeFilesByTheirContent() {
    assertThat(detect(SampleFiles.pdf(), "plan.pdf").contentType()).isEqualTo("application/pdf");
    assertThat(detect(SampleFiles.pdf(), "plan").extensions()).contains(".pdf");
    assertThat(detect(SampleFiles.png(), "gel.PNG").contentType()).isEqualTo("image/png");
    assertThat(detect(SampleFiles.docx(), "samples.docx").contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(detect(SampleFiles.docx(), "samples.xlsx").contentType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(detect(SampleFiles.ods(), "samples.ods").contentType()).isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
  }

  @Test
  void refusesHtmlScriptsArchivesAndMacroFilesWhateverTheirName() {
    refused(() -> detect(SampleFiles.html(), "plan.pdf"), "documents.type-refused");
    refused(() -> detect("#!/bin/sh\necho hi\n".getBytes(), "plan.pdf"), "documents.type-refused");
    refused(() -> detect(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "gel.png"), "documents.type-refused");
    refused(() -> detect(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, "plan.docx"), "documents.type-refused");
    refused(() -> detect(SampleFiles.zipWithScript(), "plan.docx"), "documents.type-refused");
    refused(() -> detect(SampleFiles.docx(), "plan.docm"), "documents.type-refused");
    refused(() -> detect(new byte[0], "plan.pdf"), "documents.empty");
  }
}
