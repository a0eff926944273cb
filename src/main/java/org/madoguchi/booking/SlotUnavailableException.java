package org.madoguchi.booking;

import org.madoguchi.common.web.StateConflictException;
import org.springframework.modulith.NamedInterface;

/**
 * A chosen slot meets every rule but another booking holds part of it, possibly one committed a moment
 * earlier by a competing request (409 in the API); nothing was booked.
 */
@NamedInterface("api")
public class SlotUnavailableException extends StateConflictException {

  public SlotUnavailableException(String instrumentName, String localStart, String localEnd) {
    super("booking.slot-unavailable", instrumentName, localStart, localEnd);
  }
}
