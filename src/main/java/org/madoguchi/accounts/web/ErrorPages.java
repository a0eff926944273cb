package org.madoguchi.accounts.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.common.web.PageLinks;
import org.springframework.boot.autoconfigure.web.servlet.error.AbstractErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch shows: whatever failed (an unknown path, access denied by
 * Spring Security, a refused upload, a page's own 404/409/400, an unexpected 500), a browser gets an
 * HTML page in the reader's language with a way back that suits who they are (their requests, the staff
 * console, or sign-in), and never the exception; other clients get problem details. A template
 * {@code error/<status>.html} or {@code error/4xx.html} replaces the common page for its status.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends AbstractErrorController {

  private static final SimpleGrantedAuthority STAFF = new SimpleGrantedAuthority("ROLE_" + Role.STAFF.name());

  /** Where the error page leads back to: {@code labelKey} names the link's text. */
  record WayBack(String path, String labelKey) {}

  private final MessageSource messages;

  ErrorPages(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers, MessageSource messages) {
    super(errorAttributes, errorViewResolvers);
    this.messages = messages;
  }

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(
      HttpServletRequest request, HttpServletResponse response, @AuthenticationPrincipal SignedInAccount account, Locale locale) {
    HttpStatus status = getStatus(request);
    Map<String, Object> model = new HashMap<>();
    model.put("status", status.value());
    model.put("errorTitle", text(status, "title", locale));
    model.put("errorText", text(status, "text", locale));
    model.put("wayBack", wayBack(account));
    // The language switch reloads the page that failed, not the error dispatch.
    model.put("currentPath", "GET".equals(request.getMethod()) ? failedPath(request) : null);
    response.setStatus(status.value());
    ModelAndView specific = resolveErrorView(request, response, status, model);
    return specific != null ? specific : new ModelAndView("error", model);
  }

  @RequestMapping
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Locale locale) {
    HttpStatus status = getStatus(request);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(status, "text", locale));
    problem.setTitle(text(status, "title", locale));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** Asked for directly rather than on an error dispatch, the error page is a page that does not exist. */
  @Override
  protected HttpStatus getStatus(HttpServletRequest request) {
    return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null ? HttpStatus.NOT_FOUND : super.getStatus(request);
  }

  static WayBack wayBack(SignedInAccount account) {
    if (account == null) {
      return new WayBack(PageLinks.SIGN_IN, "error.back.sign-in");
    }
    if (account.getAuthorities().contains(STAFF)) {
      return new WayBack(PageLinks.STAFF_CONSOLE, "error.back.console");
    }
    return new WayBack(PageLinks.MY_REQUESTS, "error.back.requests");
  }

  /** {@code error.<status>.<part>}, else the text of the status's class ({@code error.4xx.<part>}). */
  private String text(HttpStatus status, String part, Locale locale) {
    String[] codes = {"error." + status.value() + "." + part, "error." + status.series().value() + "xx." + part};
    return messages.getMessage(new DefaultMessageSourceResolvable(codes), locale);
  }

  private static String failedPath(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return failed == null ? PageLinks.MY_REQUESTS : failed.toString();
  }
}
