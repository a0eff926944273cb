package org.madoguchi.accounts;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's encoder, refusing what BCrypt would cut: a password over {@value
 * AccountPassword#MAX_BYTES} UTF-8 bytes never matches (BCrypt would compare only its first 72 bytes)
 * and is never stored (the forms refuse it first, with a field error).
 */
class ByteLimitedPasswordEncoder implements PasswordEncoder {

  private final PasswordEncoder encoder;

  ByteLimitedPasswordEncoder(PasswordEncoder encoder) {
    this.encoder = encoder;
  }

  @Override
  public String encode(CharSequence rawPassword) {
    if (!PasswordByteLimit.fits(rawPassword.toString())) {
      throw new IllegalArgumentException("password longer than " + AccountPassword.MAX_BYTES + " bytes");
    }
    return encoder.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return rawPassword != null && PasswordByteLimit.fits(rawPassword.toString()) && encoder.matches(rawPassword, encodedPassword);
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return encoder.upgradeEncoding(encodedPassword);
  }
}
