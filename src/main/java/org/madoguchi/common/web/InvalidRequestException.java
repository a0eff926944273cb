package org.madoguchi.common.web;

import java.util.List;

/**
 * Input that breaks a business rule bean validation cannot express. Each entry carries a message key
 * (resolved in the caller's language) for one field; nothing has been written when this is thrown.
 */
public class InvalidRequestException extends RuntimeException {

  public record Violation(String field, String messageKey, Object... arguments) {}

  private final List<Violation> violations;

  public InvalidRequestException(List<Violation> violations) {
    super("invalid request: " + violations.stream().map(Violation::field).toList());
    this.violations = List.copyOf(violations);
  }

  public static InvalidRequestException of(String field, String messageKey, Object... arguments) {
    return new InvalidRequestException(List.of(new Violation(field, messageKey, arguments)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
