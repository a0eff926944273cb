package org.madoguchi.documents.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.madoguchi.documents.Documents;
import org.madoguchi.documents.web.ApplicantDocumentPages.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over {@code madoguchi.documents.max-size}, refused by the multipart parser before any
 * controller runs (and so before anything is stored): 413 with the same message as every other refusal of
 * a document, in the caller's language; problem details for {@code /api/**} and {@code /portal/api/**},
 * a page with a way back to the case page for a browser's form (the portal's, or the staff console's).
 * The admin console's model upload is the one other multipart form: its page says what an upload may
 * hold and leads back to the models.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

  private static final URI TOO_LARGE = URI.create("urn:madoguchi:problem:too-large");
  /** A case page's upload form, posting to the case page's address + {@code /documents}. */
  private static final Pattern CASE_PAGE_FORM = Pattern.compile("^(/portal/requests/[^/]+|/console/cases/[^/]+)/documents$");
  private static final String MESSAGE = "documents.too-large";
  private static final String ADMIN_UPLOAD = "/admin/models/uploads";

  private final Documents documents;
  private final MessageSource messages;

  UploadTooLarge(Documents documents, MessageSource messages) {
    this.documents = documents;
    this.messages = messages;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Object[] limit = {documents.maxSize().toMegabytes()};
    if (path.startsWith("/api/") || path.startsWith("/portal/api/")) {
      Locale locale = LocaleContextHolder.getLocale();
      String message = messages.getMessage(MESSAGE, limit, locale);
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, message);
      problem.setType(TOO_LARGE);
      problem.setTitle(messages.getMessage("documents.refused.title", null, locale));
      problem.setProperty("errors", List.of(Map.of("field", Uploads.FILE, "message", message)));
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
    if (path.startsWith(ADMIN_UPLOAD)) {
      ModelAndView page = new ModelAndView("admin/too-large", Map.of("maxMegabytes", limit[0]));
      page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
      return page;
    }
    Matcher form = CASE_PAGE_FORM.matcher(path);
    Model model = new ExtendedModelMap();
    String view = refusedPage(model, form.matches() ? form.group(1) : null, List.of(new Refusal(MESSAGE, limit)));
    ModelAndView page = new ModelAndView(view, model.asMap());
    page.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
    return page;
  }

  /** The refusal page: the reasons, and a link back to the case page ({@code casePage}, a path) when there is one. */
  static String refusedPage(Model model, String casePage, List<Refusal> refusals) {
    model.addAttribute("casePage", casePage);
    if (casePage != null) {
      model.addAttribute("currentPath", casePage);
    }
    model.addAttribute("refusals", refusals);
    return "documents/refused";
  }
}
