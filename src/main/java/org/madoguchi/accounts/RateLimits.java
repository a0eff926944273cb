package org.madoguchi.accounts;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request rates per client address and per account (the address a form names, or the API credential)
 * on sign-in, the API, sign-up, resending the verification mail and password reset, as token buckets
 * ({@code madoguchi.abuse.rate-limits}). Runs before Spring Security, so a throttled request costs no
 * password check. Over the limit: 429 with Retry-After, rendered by the error pages (HTML for browsers,
 * problem details for the API). The buckets live in this instance's memory: each instance grants the
 * whole allowance (the lockout, kept in the database, is what bounds guessing across instances).
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 5)
class RateLimits extends OncePerRequestFilter {

  /** Buckets kept at most; the least recently used go first (a flood of new keys cannot exhaust memory). */
  private static final int MAX_BUCKETS = 100_000;

  private record Limited(String action, AbuseProperties.Limit limit, String account) {}

  private final AbuseProperties.RateLimitsSettings limits;
  private final Map<String, Bucket> buckets =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
              return size() > MAX_BUCKETS;
            }
          });

  RateLimits(AbuseProperties properties) {
    this.limits = properties.rateLimits();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Limited limited = limitOf(request);
    if (limited != null) {
      ConsumptionProbe probe = take(limited.action() + "@" + request.getRemoteAddr(), limited.limit().perAddress(), limited.limit());
      if (probe.isConsumed() && limited.account() != null) {
        probe = take(limited.action() + ":" + limited.account(), limited.limit().perAccount(), limited.limit());
      }
      if (!probe.isConsumed()) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** Which limit the request falls under, with its account key; null for requests without one. */
  private Limited limitOf(HttpServletRequest request) {
    String path = request.getServletPath();
    if (path.startsWith("/api/") && !path.startsWith("/api/openapi") && !path.startsWith("/api/docs")
        && !path.startsWith("/api/swagger-ui")) {
      String credential = request.getHeader(HttpHeaders.AUTHORIZATION);
      return new Limited("api", limits.api(), credential == null ? null : OneTimeTokens.hash(credential));
    }
    if (!"POST".equals(request.getMethod())) {
      return null;
    }
    return switch (path) {
      case "/login" -> new Limited("sign-in", limits.signIn(), address(request));
      case "/signup" -> new Limited("sign-up", limits.signUp(), address(request));
      case "/signup/resend" -> new Limited("resend", limits.resend(), address(request));
      case "/password/forgot" -> new Limited("password-reset", limits.passwordReset(), address(request));
      case "/password/reset" -> new Limited("password-reset", limits.passwordReset(), null);
      default -> null;
    };
  }

  private static String address(HttpServletRequest request) {
    String email = request.getParameter("email");
    if (email == null || email.isBlank()) {
      return null;
    }
    String normalised = email.strip().toLowerCase(Locale.ROOT);
    return normalised.length() > 320 ? normalised.substring(0, 320) : normalised;
  }

  private ConsumptionProbe take(String key, int capacity, AbuseProperties.Limit limit) {
    Bucket bucket =
        buckets.computeIfAbsent(
            key,
            k -> Bucket.builder().addLimit(l -> l.capacity(capacity).refillGreedy(capacity, limit.period())).build());
    return bucket.tryConsumeAndReturnRemaining(1);
  }
}
