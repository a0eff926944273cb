package org.madoguchi.portal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The sign-up page's fields; the password rule is {@link PortalPassword}. */
record SignupForm(
    @NotBlank @Size(max = 200) String displayName,
    @NotBlank @Email @Size(max = 320) String email,
    @PortalPassword String password,
    @NotBlank @Pattern(regexp = "ja|en", message = "{validation.language}") String language) {

  static final int MIN_PASSWORD = PortalPassword.MIN;

  static SignupForm empty(String language) {
    return new SignupForm("", "", "", language);
  }
}
