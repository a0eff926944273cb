package org.madoguchi.accounts;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The applicant API: personal API tokens ({@code Authorization: Bearer}, {@link ApiTokens}) over a
 * stateless session, no passwords; only health and the API docs are public. Also the password sign-in
 * the pages use ({@link PasswordSignIn}).
 */
@Configuration
@EnableConfigurationProperties(AbuseProperties.class)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new ByteLimitedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
  }

  @Bean
  AuthenticationProvider passwordSignIn(UserDetailsService accounts, PasswordEncoder encoder, SignInAttempts attempts) {
    return new PasswordSignIn(accounts, encoder, attempts);
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, AccountRepository accounts) throws Exception {
    return http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health/**", "/actuator/info", "/api/openapi/**", "/api/docs/**", "/api/swagger-ui/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(new ApiTokenAuthentication(tokens, accounts), BasicAuthenticationFilter.class)
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(
                    (request, response, failure) -> {
                      // No token, or one revoked, expired or unknown: problem details from the error pages.
                      response.setHeader("WWW-Authenticate", "Bearer");
                      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    }))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }
}
