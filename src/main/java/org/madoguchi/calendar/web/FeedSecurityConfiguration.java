package org.madoguchi.calendar.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The feeds' addresses: no sign-in (a calendar application has none; the secret in the address is the
 * credential), no session, and the feed's own cache headers instead of Spring Security's no-store.
 * Before the pages' chain, which would send the caller to the sign-in page.
 */
@Configuration
class FeedSecurityConfiguration {

  @Bean
  @Order(90)
  SecurityFilterChain calendarFeedSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher(CalendarFeedEndpoint.ROOT + "/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .headers(headers -> headers.cacheControl(cache -> cache.disable()).referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }
}
