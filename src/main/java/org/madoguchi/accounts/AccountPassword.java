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
 * 800-63B asks for 8 or more), at most {@value #MAX}.
 */
@NotBlank
@Size(min = AccountPassword.MIN, max = AccountPassword.MAX, message = "{account.validation.password}")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AccountPassword {

  int MIN = 10;
  int MAX = 128;

  String message() default "{account.validation.password}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
