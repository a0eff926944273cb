package org.madoguchi.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madoguchi.common.web.InvalidRequestException.Violation;
import org.madoguchi.deposit.DepositRequest.FileEntry;

class DepositRulesTest {

  private static final String SHA = "a".repeat(64);
  private static final DepositRules.CaseContext OPEN_ACADEMIC = new DepositRules.CaseContext("open", "academic");
  private static final DepositRules.CaseContext CONFIDENTIAL_ACADEMIC =
      new DepositRules.CaseContext("confidential", "academic");
  private static final DepositRules.CaseContext OPEN_INDUSTRY = new DepositRules.CaseContext("open", "industry");

  private static DepositRequest request(String licence, String embargo, List<FileEntry> files) {
    return new DepositRequest("Apoferritin movies", "Raw movies", licence, embargo, "EMPIAR-10001", null, files);
  }

  private static List<FileEntry> files(String... paths) {
    return java.util.Arrays.stream(paths).map(p -> new FileEntry(p, 10L, SHA)).toList();
  }

  private static List<String> fields(List<Violation> violations) {
    return violations.stream().map(Violation::field).toList();
  }

  private static List<String> keys(List<Violation> violations) {
    return violations.stream().map(Violation::messageKey).toList();
  }

  @Test
  void aPlainOpenDepositBreaksNoRule() {
    assertThat(DepositRules.check(request("CC-BY-4.0", "none", files("movies/a.tiff", "movies/b.tiff")), OPEN_ACADEMIC))
        .isEmpty();
  }

  @Test
  void pathsMustStayInsideTheDataset() {
    assertThat(DepositRules.pathProblem("../etc/passwd")).isEqualTo("deposit.validation.path.parent");
    assertThat(DepositRules.pathProblem("movies/../../x")).isEqualTo("deposit.validation.path.parent");
    assertThat(DepositRules.pathProblem("movies\\..\\x")).isEqualTo("deposit.validation.path.parent");
    assertThat(DepositRules.pathProblem("movies/..")).isEqualTo("deposit.validation.path.parent");
    assertThat(DepositRules.pathProblem("/data/a.mrc")).isEqualTo("deposit.validation.path.absolute");
    assertThat(DepositRules.pathProblem("\\\\server\\a.mrc")).isEqualTo("deposit.validation.path.absolute");
    assertThat(DepositRules.pathProblem("C:\\data\\a.mrc")).isEqualTo("deposit.validation.path.absolute");
    assertThat(DepositRules.pathProblem("movies/a\u0000.tiff")).isEqualTo("deposit.validation.path.control");
    assertThat(DepositRules.pathProblem("movies/a\n.tiff")).isEqualTo("deposit.validation.path.control");
  }

  @Test
  void dotsInsideANameAreFine() {
    assertThat(DepositRules.pathProblem("run..2/a..b.mrc")).isNull();
    assertThat(DepositRules.pathProblem("./movies/a.tiff")).isNull();
    assertThat(DepositRules.pathProblem(".hidden/データ.mrc")).isNull();
  }

  @Test
  void badPathsAreNamedByIndex() {
    List<Violation> violations =
        DepositRules.check(request("CC-BY-4.0", "none", files("ok.mrc", "../up.mrc", "/abs.mrc")), OPEN_ACADEMIC);
    assertThat(fields(violations)).containsExactly("files[1].path", "files[2].path");
  }

  @Test
  void aRepeatedPathIsRejectedAtEveryRepetitionNamingTheFirst() {
    List<Violation> violations =
        DepositRules.check(request("CC-BY-4.0", "none", files("a.mrc", "b.mrc", "a.mrc", " a.mrc ")), OPEN_ACADEMIC);
    assertThat(fields(violations)).containsExactly("files[2].path", "files[3].path");
    assertThat(keys(violations)).containsOnly("deposit.validation.path.duplicate");
    assertThat(violations.get(0).arguments()).containsExactly("a.mrc", 0);
  }

  @Test
  void pathsDifferingInCaseAreDifferentFiles() {
    assertThat(DepositRules.check(request("CC-BY-4.0", "none", files("A.mrc", "a.mrc")), OPEN_ACADEMIC)).isEmpty();
  }

  @Test
  void restrictedEmbargoOnlyForConfidentialCasesOrIndustry() {
    DepositRequest restricted = request("restricted", "restricted-confidential", files("a.mrc"));
    assertThat(fields(DepositRules.check(restricted, OPEN_ACADEMIC))).containsExactly("embargo");
    assertThat(keys(DepositRules.check(restricted, OPEN_ACADEMIC)))
        .containsExactly("deposit.validation.embargo.restricted-not-allowed");
    assertThat(DepositRules.check(restricted, CONFIDENTIAL_ACADEMIC)).isEmpty();
    assertThat(DepositRules.check(restricted, OPEN_INDUSTRY)).isEmpty();
    assertThat(DepositRules.check(restricted, new DepositRules.CaseContext("patent-pending", "public")))
        .extracting(Violation::field)
        .containsExactly("embargo");
  }

  @Test
  void restrictedLicenceAndRestrictedEmbargoGoTogether() {
    assertThat(keys(DepositRules.check(request("CC-BY-4.0", "restricted-confidential", files("a.mrc")), OPEN_INDUSTRY)))
        .containsExactly("deposit.validation.licence.must-be-restricted");
    assertThat(keys(DepositRules.check(request("restricted", "until-publication", files("a.mrc")), OPEN_INDUSTRY)))
        .containsExactly("deposit.validation.licence.restricted-needs-embargo");
    assertThat(fields(DepositRules.check(request("restricted", "none", files("a.mrc")), OPEN_ACADEMIC)))
        .containsExactly("licence");
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    List<Violation> violations =
        DepositRules.check(request("CC0-1.0", "restricted-confidential", files("a.mrc", "a.mrc", "../b")), OPEN_ACADEMIC);
    assertThat(fields(violations)).containsExactly("embargo", "licence", "files[1].path", "files[2].path");
  }

  @Test
  void untilPublicationHoldsForTheMaximumFromTheDepositDate() {
    LocalDate day = LocalDate.of(2026, 2, 28);
    assertThat(DepositRules.embargoUntil("until-publication", day, Period.ofYears(2))).isEqualTo(LocalDate.of(2028, 2, 28));
    assertThat(DepositRules.embargoUntil("until-publication", LocalDate.of(2028, 2, 29), Period.ofYears(1)))
        .isEqualTo(LocalDate.of(2029, 2, 28));
    assertThat(DepositRules.embargoUntil("until-publication", day, Period.ofMonths(18))).isEqualTo(LocalDate.of(2027, 8, 28));
    assertThat(DepositRules.embargoUntil("until-patent-disclosure", day, Period.ofYears(2))).isNull();
    assertThat(DepositRules.embargoUntil("restricted-confidential", day, Period.ofYears(2))).isNull();
    assertThat(DepositRules.embargoUntil("none", day, Period.ofYears(2))).isNull();
  }

  @Test
  void cleaningTrimsLowerCasesChecksumsAndDropsBlankOptionals() {
    DepositRequest raw =
        new DepositRequest(
            "  Title ", " Desc ", "CC0-1.0", "none", " ", "",
            List.of(new FileEntry(" movies/a.tiff ", 5L, "ABCDEF" + "0".repeat(58))));
    DepositRules.Cleaned cleaned = DepositRules.clean(raw);
    assertThat(cleaned.title()).isEqualTo("Title");
    assertThat(cleaned.description()).isEqualTo("Desc");
    assertThat(cleaned.publicAccession()).isNull();
    assertThat(cleaned.relatedPublication()).isNull();
    assertThat(cleaned.files()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("movies/a.tiff");
      assertThat(f.sizeBytes()).isEqualTo(5L);
      assertThat(f.sha256()).isEqualTo("abcdef" + "0".repeat(58));
    });
  }

  @Test
  void theSummaryShowsTheMetadataAndTheManifest() {
    DepositRules.Cleaned cleaned =
        DepositRules.clean(new DepositRequest("Movies", "d", "CC-BY-4.0", "none", "EMPIAR-10001", null, files("a", "b", "c")));
    Deposit deposit = new Deposit(1L, 1, cleaned, null, "x@example.org", java.time.Instant.EPOCH);
    assertThat(deposit.summary())
        .startsWith("**Movies** (v1)")
        .contains("Licence: CC-BY-4.0", "Accession: EMPIAR-10001", "Files: 3 files, 30 bytes", "`a`", "`b`", "`c`");
    assertThat(deposit.totalBytes()).isEqualTo(30L);
    Deposit single =
        new Deposit(1L, 2, DepositRules.clean(new DepositRequest("Map", "d", "CC0-1.0", "none", null, null, files("m"))),
            null, "x@example.org", java.time.Instant.EPOCH);
    assertThat(single.summary()).contains("Files: 1 file").doesNotContain("Accession");
  }
}
