package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneTimeTokensTest {

  @Test
  void verificationTokensAreStoredAsSha256Hex() {
    String hash = OneTimeTokens.hash("abc");
    assertThat(hash).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(OneTimeTokens.hash("abd")).isNotEqualTo(hash);
  }
}
