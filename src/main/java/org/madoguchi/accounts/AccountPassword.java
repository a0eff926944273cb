package org.madoguchi.accounts;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The portal's password rule, one for sign-up and reset: at least {@value #MIN} characters (NIST SP
 * 800-63B asks for 8 or more), at most {@value #MAX}, and at most {@value #MAX_BYTES} bytes in UTF-8:
 * BCrypt reads only that much, so a longer password would be cut without the owner knowing (and the
 * encoder refuses it). A limit the person sees beats pre-hashing, which would change how every stored
 * hash is checked.
 */
@NotBlank
@Size(min = AccountPassword.MIN, max = AccountPassword.MAX, message = "{account.validation.password}")
@Constraint(validatedBy = PasswordByteLimit.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AccountPassword {

  int MIN = 10;
  int MAX = 128;
  /** What BCrypt reads of a password; a Japanese character takes 3 of them. */
  int MAX_BYTES = 72;

  String message() default "{account.validation.passwordBytes}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
