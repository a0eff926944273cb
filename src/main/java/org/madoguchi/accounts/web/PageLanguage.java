package org.madoguchi.accounts.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.SignedInAccount;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The portal's language: the signed-in account's language, else the one chosen on the page (kept in
 * the session), else the browser's Accept-Language (Japanese by default). Applied by presenting the
 * chosen language as the request's Accept-Language, so the application's locale resolver, messages and
 * bean validation all follow it. Never applied to the API.
 */
@Configuration
class PageLanguage {

  static final String SESSION_ATTRIBUTE = PageLanguage.class.getName() + ".language";

  @Bean
  FilterRegistrationBean<LanguageFilter> portalLanguageFilter(Accounts accounts) {
    FilterRegistrationBean<LanguageFilter> registration = new FilterRegistrationBean<>(new LanguageFilter(accounts));
    registration.setOrder(0); // after Spring Security (-100): the signed-in account is known
    // The error page, rendered on the container's error dispatch, speaks the language of the page that failed.
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    registration.addUrlPatterns("/*");
    return registration;
  }

  static String normalise(String language) {
    return "en".equals(language) ? "en" : "ja";
  }

  static final class LanguageFilter extends PageFilter {

    private final Accounts accounts;

    LanguageFilter(Accounts accounts) {
      this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String language = chosen(request);
      chain.doFilter(language == null ? request : new WithLanguage(request, Locale.forLanguageTag(language)), response);
    }

    private String chosen(HttpServletRequest request) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
        return accounts.find(account.accountId()).map(a -> normalise(a.language())).orElse(null);
      }
      HttpSession session = request.getSession(false);
      return session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
    }
  }

  private static final class WithLanguage extends HttpServletRequestWrapper {

    private final Locale locale;

    WithLanguage(HttpServletRequest request, Locale locale) {
      super(request);
      this.locale = locale;
    }

    @Override
    public String getHeader(String name) {
      return "Accept-Language".equalsIgnoreCase(name) ? locale.toLanguageTag() : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Accept-Language".equalsIgnoreCase(name)
          ? Collections.enumeration(java.util.List.of(locale.toLanguageTag()))
          : super.getHeaders(name);
    }

    @Override
    public Locale getLocale() {
      return locale;
    }

    @Override
    public Enumeration<Locale> getLocales() {
      return Collections.enumeration(java.util.List.of(locale));
    }
  }
}
