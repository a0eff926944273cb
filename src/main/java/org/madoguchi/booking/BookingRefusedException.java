package org.madoguchi.booking;

import java.util.List;
import org.madoguchi.common.web.RuleViolationException;
import org.springframework.modulith.NamedInterface;

/** A chosen slot breaks rules of its instrument (422 in the API); nothing was booked. */
@NamedInterface("api")
public class BookingRefusedException extends RuleViolationException {

  private final List<BookingRefusal> refusals;

  public BookingRefusedException(List<BookingRefusal> refusals) {
    super(refusals.stream().map(BookingRefusal::violation).toList());
    this.refusals = List.copyOf(refusals);
  }

  public List<BookingRefusal> refusals() {
    return refusals;
  }

  public List<BookingRule> rules() {
    return refusals.stream().map(BookingRefusal::rule).toList();
  }
}
