package org.madoguchi.common.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad input into RFC 9457 problem details in the caller's language, with an {@code errors}
 * list naming each bad field. Bad input is never a 500. Only API calls ({@link ApiRequests}) get problem
 * details: a page that fails the same way gets the HTML error page of the same status (rendered on the
 * servlet container's error dispatch), never JSON.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final URI INVALID = URI.create("urn:madoguchi:problem:invalid-request");
  private static final URI RULE_VIOLATION = URI.create("urn:madoguchi:problem:rule-violation");
  private static final URI CONFLICT = URI.create("urn:madoguchi:problem:state-conflict");
  private static final URI NOT_FOUND = URI.create("urn:madoguchi:problem:not-found");
  private static final URI TOO_LARGE = URI.create("urn:madoguchi:problem:too-large");
  private static final URI BUSY = URI.create("urn:madoguchi:problem:busy");
  /** Seconds a caller is asked to wait after a lock or connection wait ran out: about one such wait. */
  private static final String RETRY_AFTER_SECONDS = "10";

  private final MessageSource messages;

  public ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (isPage(request)) {
      return errorPage(request, status);
    }
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldProblem> problems =
        ex.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), resolve(error, locale)))
            .toList();
    return ResponseEntity.badRequest().body(invalid(problems, locale));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof RequestBodyTooLarge) {
      return tooLarge(request);
    }
    if (isPage(request)) {
      return errorPage(request, status);
    }
    Locale locale = LocaleContextHolder.getLocale();
    String field = UnreadableFields.fieldOf(ex);
    List<FieldProblem> problems =
        List.of(new FieldProblem(field, messages.getMessage("request.unreadable", null, locale)));
    return ResponseEntity.badRequest().body(invalid(problems, locale));
  }

  /** Spring MVC's own exceptions: unknown path, wrong method, bad parameter, upload too large... */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (isPage(request)) {
      return errorPage(request, statusCode);
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  /** A multipart body that cannot be parsed (no boundary, cut off); one too large is documents' 413. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<?> unreadableMultipart(MultipartException ex, WebRequest request) {
    if (isPage(request)) {
      return errorPage(request, HttpStatus.BAD_REQUEST);
    }
    Locale locale = LocaleContextHolder.getLocale();
    return ResponseEntity.badRequest()
        .body(invalid(List.of(new FieldProblem("body", messages.getMessage("request.unreadable", null, locale))), locale));
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<?> invalidRequest(InvalidRequestException ex, WebRequest request) {
    if (isPage(request)) {
      return errorPage(request, HttpStatus.BAD_REQUEST);
    }
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldProblem> problems =
        ex.violations().stream()
            .map(v -> new FieldProblem(v.field(), messages.getMessage(v.messageKey(), v.arguments(), locale)))
            .toList();
    return ResponseEntity.badRequest().body(invalid(problems, locale));
  }

  @ExceptionHandler(RuleViolationException.class)
  ResponseEntity<?> ruleViolation(RuleViolationException ex, WebRequest request) {
    if (isPage(request)) {
      return errorPage(request, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    Locale locale = LocaleContextHolder.getLocale();
    List<RuleProblem> problems =
        ex.violations().stream()
            .map(v -> new RuleProblem(v.field(), v.rule(), messages.getMessage(v.messageKey(), v.arguments(), locale)))
            .toList();
    ResponseEntity<Object> response = problem(
        HttpStatus.UNPROCESSABLE_ENTITY, RULE_VIOLATION, "problem.rule-violation",
        messages.getMessage("problem.rule-violation.detail", null, locale));
    ((ProblemDetail) response.getBody()).setProperty("errors", problems);
    return response;
  }

  @ExceptionHandler(StateConflictException.class)
  ResponseEntity<?> conflict(StateConflictException ex, WebRequest request) {
    if (isPage(request)) {
      return errorPage(request, HttpStatus.CONFLICT);
    }
    Locale locale = LocaleContextHolder.getLocale();
    ResponseEntity<Object> response =
        problem(HttpStatus.CONFLICT, CONFLICT, "problem.conflict", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
    ex.properties().forEach(((ProblemDetail) response.getBody())::setProperty);
    return response;
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<?> notFound(NotFoundException ex, WebRequest request) {
    if (isPage(request)) {
      return errorPage(request, HttpStatus.NOT_FOUND);
    }
    return problem(
        HttpStatus.NOT_FOUND, NOT_FOUND, "problem.not-found",
        messages.getMessage("problem.not-found.detail", null, LocaleContextHolder.getLocale()));
  }

  /**
   * The database could not answer in time (a row lock or a connection waited past its limit, the
   * server is away): nothing was written, so the caller may simply try again, which a 503 with
   * Retry-After says; a 500 would claim a fault in Madoguchi.
   */
  @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
  ResponseEntity<?> busy(Exception ex, WebRequest request) {
    if (isPage(request)) {
      ((ServletWebRequest) request).getResponse().setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      return errorPage(request, HttpStatus.SERVICE_UNAVAILABLE);
    }
    ResponseEntity<Object> problem = problem(
        HttpStatus.SERVICE_UNAVAILABLE, BUSY, "problem.busy",
        messages.getMessage("problem.busy.detail", null, LocaleContextHolder.getLocale()));
    return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem.getBody());
  }

  /** A body that passed its limit while it was read ({@link RequestBodyLimits}). */
  private ResponseEntity<Object> tooLarge(WebRequest request) {
    if (isPage(request)) {
      return errorPage(request, HttpStatus.PAYLOAD_TOO_LARGE);
    }
    return problem(
        HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "problem.too-large",
        messages.getMessage("problem.too-large.detail", null, LocaleContextHolder.getLocale()));
  }

  /** Problem details of {@code status} and {@code type}, titled in the caller's language. */
  private ResponseEntity<Object> problem(HttpStatus status, URI type, String titleKey, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(messages.getMessage(titleKey, null, LocaleContextHolder.getLocale()));
    return ResponseEntity.status(status).body(problem);
  }

  private static boolean isPage(WebRequest request) {
    return !ApiRequests.isApi(((ServletWebRequest) request).getRequest());
  }

  /**
   * Hands a failed page to the container's error dispatch, which renders the error page of
   * {@code status}; the {@code null} entity tells Spring MVC the response is already handled.
   */
  private static <T> ResponseEntity<T> errorPage(WebRequest request, HttpStatusCode status) {
    try {
      ((ServletWebRequest) request).getResponse().sendError(status.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  private ProblemDetail invalid(List<FieldProblem> problems, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, messages.getMessage("problem.invalid.detail", null, locale));
    problem.setType(INVALID);
    problem.setTitle(messages.getMessage("problem.invalid", null, locale));
    problem.setProperty("errors", problems);
    return problem;
  }

  private String resolve(FieldError error, Locale locale) {
    return messages.getMessage(error, locale);
  }
}
