package org.madoguchi.accounts.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter for the portal's pages and their scripts' endpoints only: never the applicant API, actuator
 * or the vendored static files (on an error dispatch: as the request that failed).
 */
abstract class PageFilter extends OncePerRequestFilter {

  @Override
  protected final boolean shouldNotFilter(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = failed == null ? pathOf(request) : failed.toString().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/portal/vendor/");
  }

  /** The request's path inside the application (without the context path). */
  static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
