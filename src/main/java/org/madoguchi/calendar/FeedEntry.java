package org.madoguchi.calendar;

import org.madoguchi.booking.BookedSession;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.SupportUnit;

/** One booking of a feed with what its event tells: the case, the instrument and the unit. */
record FeedEntry(BookedSession session, CaseSummary supportCase, Instrument instrument, SupportUnit unit) {

  /** Only an open case's title may leave Madoguchi; patent-pending and confidential ones show their number. */
  boolean restricted() {
    return !"open".equals(supportCase.confidentiality());
  }
}
