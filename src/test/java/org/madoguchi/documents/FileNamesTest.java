package org.madoguchi.documents;

import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

  @Test
  void keepsOnlyTheNameWithoutFoldersControlOrReservedCharacters() {
    assertThat(FileNames.sanitize("C:\\Users\\aoi\\研究計画書.pdf", 200)).isEqualTo("研究計画書.pdf");
    assertThat(FileNames.sanitize("../../etc/passwd", 200)).isEqualTo("passwd");
    assertThat(FileNames.sanitize("a\u0000b\r\n\"c\".pdf", 200)).isEqualTo("a_b___c_.pdf");
    assertThat(FileNames.sanitize("...hidden.pdf", 200)).isEqualTo("hidden.pdf");
    assertThat(FileNames.sanitize("  ", 200)).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.sanitize(null, 200)).isEqualTo(FileNames.FALLBACK);
  }

  @Test
  void aLongNameIsCutInFrontOfItsExtensionOnWholeCharacters() {
    String name = FileNames.sanitize("😀".repeat(300) + ".pdf", 200);
    assertThat(name.codePointCount(0, name.length())).isEqualTo(200);
    assertThat(name).endsWith("😀.pdf");
    assertThat(FileNames.withExtension("x".repeat(200), ".pdf", 200)).hasSize(200).endsWith("x.pdf");
  }

  @Test
  void theExtensionIsLowerCaseWithItsDot() {
    assertThat(FileNames.extension("Plan.PDF")).isEqualTo(".pdf");
    assertThat(FileNames.extension("plan")).isEmpty();
    assertThat(FileNames.extension(".pdf")).isEmpty();
  }

  @Test
  void theDownloadNameIsGivenTwiceAsRfc6266Says() {
    assertThat(DocumentContent.contentDisposition("研究計画 \"v2\".pdf"))
        .isEqualTo("attachment; filename=\"____ _v2_.pdf\"; filename*=UTF-8''%E7%A0%94%E7%A9%B6%E8%A8%88%E7%94%BB%20%22v2%22.pdf");
  }
}
