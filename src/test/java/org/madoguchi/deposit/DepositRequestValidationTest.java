package org.madoguchi.deposit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.deposit.DepositRequest.FileEntry;

/** The field rules of the deposit form, checked with the same bean validation the API runs. */
class DepositRequestValidationTest {

  private static final String SHA = "0123456789abcdef".repeat(4);
  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void start() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  private static DepositRequest valid() {
    return new DepositRequest(
        "Apoferritin", "Movies and map", "CC-BY-4.0", "until-publication", "EMPIAR-10001", "10.1038/s41586-020-2649-2",
        List.of(new FileEntry("movies/a.tiff", 1024L, SHA)));
  }

  private static List<String> badFields(DepositRequest request) {
    Set<ConstraintViolation<DepositRequest>> violations = validator.validate(request);
    return violations.stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
  }

  private static DepositRequest withAccession(String accession) {
    DepositRequest v = valid();
    return new DepositRequest(v.title(), v.description(), v.licence(), v.embargo(), accession, v.relatedPublication(), v.files());
  }

  private static DepositRequest withFiles(List<FileEntry> files) {
    DepositRequest v = valid();
    return new DepositRequest(v.title(), v.description(), v.licence(), v.embargo(), v.publicAccession(), v.relatedPublication(), files);
  }

  @Test
  void aCompleteDepositIsValid() {
    assertThat(badFields(valid())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "EMPIAR-10001", "EMD-1234", "EMD-12345", "PDB-1abc", "1ABC", "SAMN12345678", "PRJDB12345"})
  void acceptedAccessions(String accession) {
    assertThat(badFields(withAccession(accession))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"EMPIAR-1001", "EMD-123", "EMD-123456", "PDB-ABCD", "ABCD", "empiar-10001", "X12345", "EMPIAR-10001 "})
  void rejectedAccessions(String accession) {
    assertThat(badFields(withAccession(accession))).containsExactly("publicAccession");
  }

  @Test
  void enumeratedFieldsAndTheDoiAreChecked() {
    DepositRequest bad =
        new DepositRequest(" ", null, "CC-BY-SA", "forever", null, "doi:10.1038/x", List.of(new FileEntry("a", 1L, SHA)));
    assertThat(badFields(bad)).containsExactly("description", "embargo", "licence", "relatedPublication", "title");
  }

  @Test
  void anEmptyOrMissingManifestIsRejected() {
    assertThat(badFields(withFiles(List.of()))).containsExactly("files");
    assertThat(badFields(withFiles(null))).containsExactly("files");
  }

  @Test
  void manifestLinesAreNamedByIndex() {
    List<FileEntry> files = new ArrayList<>();
    files.add(new FileEntry("ok.mrc", 0L, SHA));
    files.add(new FileEntry("short.mrc", 1L, "abc"));
    files.add(new FileEntry(" ", -1L, SHA.toUpperCase()));
    files.add(new FileEntry("x.mrc", null, "g".repeat(64)));
    files.add(null);
    // Hibernate Validator names a null element "files[4].<list element>"; Spring's binding reports it as "files[4]".
    assertThat(badFields(withFiles(files)))
        .containsExactly(
            "files[1].sha256", "files[2].path", "files[2].sizeBytes", "files[3].sha256", "files[3].sizeBytes",
            "files[4].<list element>");
  }

  @Test
  void aFileLargerThanTenTerabytesIsRejected() {
    assertThat(badFields(withFiles(List.of(new FileEntry("huge", DepositRules.MAX_FILE_BYTES + 1, SHA)))))
        .containsExactly("files[0].sizeBytes");
    assertThat(badFields(withFiles(List.of(new FileEntry("big", DepositRules.MAX_FILE_BYTES, SHA))))).isEmpty();
  }
}
