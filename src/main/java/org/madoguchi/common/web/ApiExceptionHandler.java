package org.madoguchi.common.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad input into RFC 9457 problem details in the caller's language, with an {@code errors}
 * list naming each bad field. Bad input is never a 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final URI INVALID = URI.create("urn:madoguchi:problem:invalid-request");
  private static final URI CONFLICT = URI.create("urn:madoguchi:problem:state-conflict");
  private static final URI NOT_FOUND = URI.create("urn:madoguchi:problem:not-found");

  private final MessageSource messages;

  public ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
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
    Locale locale = LocaleContextHolder.getLocale();
    String field = UnreadableFields.fieldOf(ex);
    List<FieldProblem> problems =
        List.of(new FieldProblem(field, messages.getMessage("request.unreadable", null, locale)));
    return ResponseEntity.badRequest().body(invalid(problems, locale));
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
    Locale locale = LocaleContextHolder.getLocale();
    List<FieldProblem> problems =
        ex.violations().stream()
            .map(v -> new FieldProblem(v.field(), messages.getMessage(v.messageKey(), v.arguments(), locale)))
            .toList();
    return ResponseEntity.badRequest().body(invalid(problems, locale));
  }

  @ExceptionHandler(StateConflictException.class)
  ResponseEntity<ProblemDetail> conflict(StateConflictException ex) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, messages.getMessage(ex.messageKey(), ex.arguments(), locale));
    problem.setType(CONFLICT);
    problem.setTitle(messages.getMessage("problem.conflict", null, locale));
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, messages.getMessage("problem.not-found.detail", null, locale));
    problem.setType(NOT_FOUND);
    problem.setTitle(messages.getMessage("problem.not-found", null, locale));
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
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
