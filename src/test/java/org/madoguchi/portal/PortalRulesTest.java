package org.madoguchi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

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

  @Test
  void portalPageFiltersSkipTheApiActuatorAndVendoredFiles() {
    PortalPageFilter filter =
        new PortalPageFilter() {
          @Override
          protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {}
        };
    for (String page : new String[] {"/login", "/portal/requests", "/portal/api/requests", "/portal/portal.css", "/signup/verify"}) {
      assertThat(filter.shouldNotFilter(request("", page))).as(page).isFalse();
    }
    for (String other : new String[] {"/api/cases", "/actuator/health", "/portal/vendor/form-viewer.umd.js"}) {
      assertThat(filter.shouldNotFilter(request("", other))).as(other).isTrue();
    }
    assertThat(filter.shouldNotFilter(request("/madoguchi", "/madoguchi/api/cases"))).isTrue();
    assertThat(PortalPageFilter.pathOf(request("/madoguchi", "/madoguchi/portal/requests"))).isEqualTo("/portal/requests");
  }

  private static MockHttpServletRequest request(String contextPath, String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setContextPath(contextPath);
    return request;
  }
}
