package org.madoguchi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalRulesTest {

  @Test
  void languageSwitchReturnsOnlyToPathsOnThisSite() {
    assertThat(LanguageController.safeReturn("/portal/requests/BINDS-2026-00001")).isEqualTo("/portal/requests/BINDS-2026-00001");
    assertThat(LanguageController.safeReturn("/login?error")).isEqualTo("/login?error");
    assertThat(LanguageController.safeReturn("https://evil.example/")).isEqualTo("/portal/requests");
    assertThat(LanguageController.safeReturn("//evil.example/")).isEqualTo("/portal/requests");
    assertThat(LanguageController.safeReturn("/\\evil.example")).isEqualTo("/portal/requests");
    assertThat(LanguageController.safeReturn("/x\r\nSet-Cookie: a=b")).isEqualTo("/portal/requests");
    assertThat(LanguageController.safeReturn(null)).isEqualTo("/portal/requests");
  }

  @Test
  void onlyJapaneseAndEnglish() {
    assertThat(PortalLanguage.normalise("en")).isEqualTo("en");
    assertThat(PortalLanguage.normalise("ja")).isEqualTo("ja");
    assertThat(PortalLanguage.normalise("fr")).isEqualTo("ja");
    assertThat(PortalLanguage.normalise(null)).isEqualTo("ja");
  }

  @Test
  void verificationTokensAreStoredAsSha256Hex() {
    String hash = OneTimeTokens.hash("abc");
    assertThat(hash).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(OneTimeTokens.hash("abd")).isNotEqualTo(hash);
  }
}
