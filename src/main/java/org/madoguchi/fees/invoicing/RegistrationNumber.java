package org.madoguchi.fees.invoicing;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.NamedInterface;

/**
 * A qualified-invoice issuer's registration number (適格請求書発行事業者登録番号): {@code T} and the 13 digits of
 * a corporate number (法人番号), whose first digit is the check digit. Null is left to {@code @NotBlank}.
 */
@NamedInterface("api")
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RegistrationNumber.Validator.class)
public @interface RegistrationNumber {

  String message() default "{billing.registration-number.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<RegistrationNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || RegistrationNumbers.isValid(value);
    }
  }
}
