package org.madoguchi.portal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The sign-up page's fields. Passwords: at least 10 characters (NIST SP 800-63B asks for 8 or more). */
record SignupForm(
    @NotBlank @Size(max = 200) String displayName,
    @NotBlank @Email @Size(max = 320) String email,
    @NotBlank @Size(min = SignupForm.MIN_PASSWORD, max = 128, message = "{portal.validation.password}") String password,
    @NotBlank @Pattern(regexp = "ja|en", message = "{validation.language}") String language) {

  static final int MIN_PASSWORD = 10;

  static SignupForm empty(String language) {
    return new SignupForm("", "", "", language);
  }
}
