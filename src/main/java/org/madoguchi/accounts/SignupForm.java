package org.madoguchi.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.StoredIn;

/** The sign-up page's fields; the password rule is {@link AccountPassword}. */
public record SignupForm(
    @NotBlank @Size(max = 200) @StoredIn("accounts.display_name") String displayName,
    @NotBlank @Email @Size(max = 320) @StoredIn("accounts.email") String email,
    @AccountPassword String password,
    @NotBlank @Size(max = 5) @Pattern(regexp = "ja|en", message = "{validation.language}") @StoredIn("accounts.language")
        String language) {

  public static final int MIN_PASSWORD = AccountPassword.MIN;

  public static SignupForm empty(String language) {
    return new SignupForm("", "", "", language);
  }
}
