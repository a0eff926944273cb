package org.madoguchi.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The tokens of one-time links ({@link OneTimeLink}): random, sent only in the mail, stored only as a hash. */
final class OneTimeTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OneTimeTokens() {}

  /** A fresh one-time token for a link: 256 random bits, URL-safe. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What is stored of a token: its SHA-256, hex. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether a token from a request can be one of ours at all (null, blank or overlong ones are never looked up). */
  static boolean isWellFormed(String token) {
    return token != null && !token.isBlank() && token.length() <= 100;
  }
}
