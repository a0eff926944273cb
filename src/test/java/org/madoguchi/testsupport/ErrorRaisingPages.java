package org.madoguchi.testsupport;

import org.madoguchi.common.web.StateConflictException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Test-only pages that fail the ways the application's own pages fail only in rare states: a page for
 * staff only (Spring Security denies an applicant), a state conflict nobody catches, and a bug (500).
 * The error pages' tests open them.
 */
@Configuration
@Profile("test")
public class ErrorRaisingPages {

  public static final String PREFIX = "/test-errors/";
  public static final String STAFF_ONLY = PREFIX + "staff-only";
  public static final String CONFLICT = PREFIX + "conflict";
  public static final String FAILURE = PREFIX + "failure";
  /** What the failure's exception says: never shown to anyone. */
  public static final String SECRET = "connection string jdbc:secret";

  @Bean
  @Order(50)
  SecurityFilterChain staffOnlyTestPage(HttpSecurity http) throws Exception {
    return http.securityMatcher(STAFF_ONLY).authorizeHttpRequests(auth -> auth.anyRequest().hasRole("STAFF")).build();
  }

  @Controller
  static class Pages {

    @GetMapping(STAFF_ONLY)
    String staffOnly() {
      return "redirect:/console";
    }

    @GetMapping(CONFLICT)
    String conflict() {
      throw new StateConflictException("case.cancel.not-allowed", "CLOSED");
    }

    @GetMapping(FAILURE)
    String failure() {
      throw new IllegalStateException(SECRET);
    }
  }
}
