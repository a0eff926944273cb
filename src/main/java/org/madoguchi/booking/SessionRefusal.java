package org.madoguchi.booking;

import org.springframework.modulith.NamedInterface;

/** Why a session's check-in, no-show or cancellation is refused; {@link #code()} is the message key. */
@NamedInterface("api")
public enum SessionRefusal {
  TOO_EARLY("booking.session.too-early"),
  SESSION_OVER("booking.session.over"),
  NOT_STARTED("booking.session.not-started"),
  ALREADY_CHECKED_IN("booking.session.already-checked-in"),
  NO_SHOW_RECORDED("booking.session.no-show-recorded"),
  NOT_RESERVED("booking.session.not-reserved");

  private final String code;

  SessionRefusal(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
