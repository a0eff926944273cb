package org.madoguchi.accounts.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.madoguchi.accounts.AccountPassword;
import org.madoguchi.common.web.NotStored;

/** The account self-service pages' fields. */
final class PasswordForm {

  private PasswordForm() {}

  /** "Forgot password" and "resend verification": just the address. */
  record Address(@NotBlank @Email @Size(max = 320) @NotStored("looked up to send a mail") String email) {}

  /** The new password, with the link's token; the same rule as sign-up. */
  record NewPassword(
      @NotBlank @Size(max = 100) @NotStored("looked up by its hash") String token,
      @AccountPassword String password) {}
}
