package org.madoguchi.common.web;

import java.util.List;

/**
 * A well-formed request that breaks named rules of the domain (e.g. a booking off the instrument's
 * grid): answered with 422, each violation naming its field and its rule, the message resolved in the
 * caller's language. Nothing has been written when this is thrown.
 */
public class RuleViolationException extends RuntimeException {

  /** One broken rule: {@code rule} is a stable code a client may act on, e.g. {@code lead-time}. */
  public record Violation(String field, String rule, String messageKey, Object... arguments) {}

  private final List<Violation> violations;

  public RuleViolationException(List<Violation> violations) {
    super("rules broken: " + violations.stream().map(v -> v.field() + " " + v.rule()).toList());
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rule violation names at least one rule");
    }
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
