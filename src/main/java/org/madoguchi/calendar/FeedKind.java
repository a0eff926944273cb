package org.madoguchi.calendar;

import org.springframework.modulith.NamedInterface;

/** Whose sessions a feed holds. */
@NamedInterface("api")
public enum FeedKind {
  /** An applicant's sessions: the bookings of their own cases. */
  APPLICANT,
  /** An operator's sessions: the bookings of the units whose lead operator they are on a case. */
  OPERATOR,
  /** Every booking of one instrument. */
  INSTRUMENT
}
