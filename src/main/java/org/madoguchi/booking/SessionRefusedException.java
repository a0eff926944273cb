package org.madoguchi.booking;

import org.springframework.modulith.NamedInterface;

/** A check-in, no-show or cancellation the session's state does not allow (409 with the reason). */
@NamedInterface("api")
public class SessionRefusedException extends RuntimeException {

  private final SessionRefusal refusal;

  public SessionRefusedException(long bookingId, SessionRefusal refusal) {
    super("Booking " + bookingId + ": " + refusal.code());
    this.refusal = refusal;
  }

  public SessionRefusal refusal() {
    return refusal;
  }
}
