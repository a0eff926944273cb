package org.madoguchi.accounts.web;

import org.madoguchi.accounts.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The portal's pages: form sign-in with a server session, CSRF protection, sign-out. Everything but
 * the applicant API and actuator (which keep their own stateless token chain in accounts).
 * Session cookie flags (HttpOnly, SameSite=Lax, Secure) are set in application.yml.
 */
@Configuration
class PageSecurityConfiguration {

  static final String LOGIN_PAGE = "/login";

  @Bean
  @Order(100)
  SecurityFilterChain portalSecurity(HttpSecurity http, OidcSignIn oidc, SignInLanding landing) throws Exception {
    oidc.configure(http);
    var notApi =
        new NegatedRequestMatcher(
            new OrRequestMatcher(new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/actuator/**")));
    return http.securityMatcher(notApi)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/portal/static/**", "/portal/vendor/**", "/portal/portal.css", "/portal/*.js",
                        "/favicon.ico", "/error", LOGIN_PAGE, "/signup", "/signup/**", "/password/**", "/language")
                    .permitAll()
                    // The staff console: applicants get 403, never a staff page.
                    .requestMatchers("/console", "/console/**")
                    .hasRole(Role.STAFF.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage(LOGIN_PAGE)
                    .usernameParameter("email")
                    .successHandler(landing)
                    .failureUrl(LOGIN_PAGE + "?error")
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout").deleteCookies("JSESSIONID"))
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new AntPathRequestMatcher("/portal/api/**"))
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new AntPathRequestMatcher("/**")))
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                    + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                                    + "frame-ancestors 'none'")))
        .build();
  }
}
