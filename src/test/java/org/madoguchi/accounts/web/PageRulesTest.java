package org.madoguchi.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageRulesTest {

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
    assertThat(PageLanguage.normalise("en")).isEqualTo("en");
    assertThat(PageLanguage.normalise("ja")).isEqualTo("ja");
    assertThat(PageLanguage.normalise("fr")).isEqualTo("ja");
    assertThat(PageLanguage.normalise(null)).isEqualTo("ja");
  }

  @Test
  void pageFiltersSkipTheApiActuatorAndVendoredFiles() {
    PageFilter filter =
        new PageFilter() {
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
    assertThat(PageFilter.pathOf(request("/madoguchi", "/madoguchi/portal/requests"))).isEqualTo("/portal/requests");
  }

  private static MockHttpServletRequest request(String contextPath, String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setContextPath(contextPath);
    return request;
  }
}
