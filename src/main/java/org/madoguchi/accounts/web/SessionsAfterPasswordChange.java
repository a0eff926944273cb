package org.madoguchi.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.madoguchi.accounts.PasswordResets;
import org.madoguchi.accounts.SignedInAccount;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A password reset ends every portal session signed in before it, on every instance: the sign-in time
 * is kept in the session, and a session older than the account's last password change is invalidated
 * on its next request (pages go to the sign-in page, the portal's API answers 401). The API takes no
 * password and has no session: its tokens stay valid until they expire or their owner revokes them.
 */
@Configuration
class SessionsAfterPasswordChange {

  static final String SIGNED_IN_AT = SessionsAfterPasswordChange.class.getName() + ".signedInAt";

  private final Clock clock;

  SessionsAfterPasswordChange(Clock clock) {
    this.clock = clock;
  }

  /** Form sign-in and OIDC sign-in both publish this event, inside the request. */
  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      attributes.getRequest().getSession(true).setAttribute(SIGNED_IN_AT, clock.instant());
    }
  }

  @Bean
  FilterRegistrationBean<EndStaleSessions> endStaleSessionsFilter(PasswordResets resets) {
    FilterRegistrationBean<EndStaleSessions> registration = new FilterRegistrationBean<>(new EndStaleSessions(resets));
    registration.setOrder(-1); // after Spring Security (-100), before the language filter (0)
    registration.addUrlPatterns("/*");
    return registration;
  }

  static final class EndStaleSessions extends PageFilter {

    private final PasswordResets resets;

    EndStaleSessions(PasswordResets resets) {
      this.resets = resets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession session = request.getSession(false);
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
          && isStale(session, resets.lastChangeOf(account.accountId()))) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        if (pathOf(request).startsWith("/portal/api/")) {
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
          response.sendRedirect(request.getContextPath() + PageSecurityConfiguration.LOGIN_PAGE + "?expired");
        }
        return;
      }
      chain.doFilter(request, response);
    }

    /** Signed in before the password changed (a session without a sign-in time counts from its creation). */
    static boolean isStale(HttpSession session, Instant passwordChangedAt) {
      if (passwordChangedAt == null) {
        return false;
      }
      Instant signedInAt =
          session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at : Instant.ofEpochMilli(session.getCreationTime());
      return signedInAt.isBefore(passwordChangedAt);
    }
  }
}
