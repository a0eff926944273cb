package org.madoguchi.common.web;

import jakarta.validation.Configuration;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/**
 * {@code @Size} on a string ({@link #addTo}): the size, as Hibernate Validator's own check does, and no C0
 * control characters other than tab, line feed and carriage return. They have no place in what people type,
 * and they break mail headers, logs and exports downstream. Being for {@code String}, it takes the place of
 * the built-in validator for {@code CharSequence}; collections keep theirs.
 */
public class PlainText implements ConstraintValidator<Size, String> {

  private int min;
  private int max;

  /** Makes every {@code @Size} on a string refuse control characters too, besides checking the size. */
  static void addTo(Configuration<?> configuration) {
    if (configuration instanceof HibernateValidatorConfiguration hibernate) {
      ConstraintMapping mapping = hibernate.createConstraintMapping();
      mapping.constraintDefinition(Size.class).includeExistingValidators(true).validatedBy(PlainText.class);
      hibernate.addMapping(mapping);
    }
  }

  static boolean isPlain(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void initialize(Size size) {
    min = size.min();
    max = size.max();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    if (value.length() < min || value.length() > max) {
      return false;
    }
    if (isPlain(value)) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate("{validation.controlCharacters}").addConstraintViolation();
    return false;
  }
}
