package org.madoguchi.accounts;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.nio.charset.StandardCharsets;

/** The byte part of {@link AccountPassword}: at most {@value AccountPassword#MAX_BYTES} bytes in UTF-8. */
public class PasswordByteLimit implements ConstraintValidator<AccountPassword, String> {

  @Override
  public boolean isValid(String password, ConstraintValidatorContext context) {
    return password == null || fits(password);
  }

  /** Whether BCrypt reads the whole password. */
  public static boolean fits(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length <= AccountPassword.MAX_BYTES;
  }
}
