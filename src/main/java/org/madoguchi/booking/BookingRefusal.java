package org.madoguchi.booking;

import org.madoguchi.common.web.RuleViolationException;
import org.springframework.modulith.NamedInterface;

/** One reason a chosen slot was refused: the rule, the request field it concerns, the message arguments. */
@NamedInterface("api")
public record BookingRefusal(BookingRule rule, String field, Object... arguments) {

  RuleViolationException.Violation violation() {
    return new RuleViolationException.Violation(field, rule.code(), rule.messageKey(), arguments);
  }
}
