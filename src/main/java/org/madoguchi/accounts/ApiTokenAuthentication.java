package org.madoguchi.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in as the owner of its {@code Authorization: Bearer <token>} ({@link ApiTokens});
 * any other request goes on unauthenticated and the API chain answers 401.
 */
class ApiTokenAuthentication extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final AccountRepository accounts;

  ApiTokenAuthentication(ApiTokens tokens, AccountRepository accounts) {
    this.tokens = tokens;
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      tokens.ownerOf(header.substring(BEARER.length()).strip())
          .flatMap(accounts::findById)
          .filter(Account::isVerified)
          .map(SignedInAccount::new)
          .ifPresent(
              account -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
                SecurityContextHolder.setContext(context);
              });
    }
    chain.doFilter(request, response);
  }
}
