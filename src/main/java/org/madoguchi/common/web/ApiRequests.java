package org.madoguchi.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests are API calls, answered with problem details when they fail: the applicant API, the
 * portal scripts' endpoints and any client that asks for JSON rather than HTML. Everything else is a
 * page, and a failed page gets the HTML error page of its status.
 */
public final class ApiRequests {

  private ApiRequests() {}

  /** Whether {@code request} (on an error dispatch: the request that failed) is an API call. */
  public static boolean isApi(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = (failed != null ? failed.toString() : request.getRequestURI()).substring(request.getContextPath().length());
    String accept = request.getHeader("Accept");
    return path.startsWith("/api/")
        || path.startsWith("/portal/api/")
        || (accept != null && accept.contains("json") && !accept.contains("text/html"));
  }
}
