package org.madoguchi.fees.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Registration numbers: T + a corporate number whose first digit is its check digit. */
class RegistrationNumberTest {

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @ParameterizedTest
  @ValueSource(strings = {
      "T7123456789012", // the National Tax Agency's worked example of the check digit
      "T7000012050002", // National Tax Agency (国税庁)
      "T4011001098993", // a published corporate number
      "T2120901007402", // a published corporate number
      "T1180301018771"  // Toyota Motor Corporation
  })
  void publishedNumbersPass(String number) {
    assertThat(RegistrationNumbers.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "T6123456789012", // wrong check digit
      "T8000012050002", // wrong check digit
      "7123456789012", // no T
      "t7123456789012", // lower-case t
      "T712345678901", // 12 digits
      "T71234567890123", // 14 digits
      "T0123456789012", // a check digit is never 0
      "T71234567890１2", // a full-width digit
      " T7123456789012", ""
  })
  void malformedNumbersFail(String number) {
    assertThat(RegistrationNumbers.isValid(number)).isFalse();
  }

  @Test
  void issuerSettingsWithAMalformedNumberAreInvalid() {
    IssuerProperties good = new IssuerProperties("Facility", "T7123456789012", "Tokyo", "finance@example.org");
    IssuerProperties bad = new IssuerProperties("Facility", "T7123456789013", "Tokyo", "finance@example.org");

    assertThat(validator.validate(good)).isEmpty();
    assertThat(validator.validate(bad)).extracting(v -> v.getPropertyPath().toString()).containsExactly("registrationNumber");
  }
}
