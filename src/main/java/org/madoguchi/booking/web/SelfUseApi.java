package org.madoguchi.booking.web;

import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.ExactBookings.BookedSession;
import org.madoguchi.booking.SelfUseBookings;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applicant API: book a self-use session on one's own case. Someone else's case is a 404 whatever the
 * body (so the body is checked after the case); a missing field a 400, a broken rule a 422 naming each
 * field and rule, a taken slot a 409; nothing is booked then.
 */
@RestController
class SelfUseApi {

  private static final String REQUIRED = "jakarta.validation.constraints.NotNull.message";

  /** The session asked for: times with their offset. */
  record SelfUseRequest(Long instrumentId, OffsetDateTime start, OffsetDateTime end) {

    void requireEveryField() {
      List<InvalidRequestException.Violation> missing = new ArrayList<>();
      if (instrumentId == null) {
        missing.add(new InvalidRequestException.Violation("instrumentId", REQUIRED));
      }
      if (start == null) {
        missing.add(new InvalidRequestException.Violation("start", REQUIRED));
      }
      if (end == null) {
        missing.add(new InvalidRequestException.Violation("end", REQUIRED));
      }
      if (!missing.isEmpty()) {
        throw new InvalidRequestException(missing);
      }
    }
  }

  /** The booked session, in facility time. */
  record SelfUseBooking(long bookingId, long instrumentId, OffsetDateTime start, OffsetDateTime end) {}

  private final SelfUseBookings selfUse;
  private final CaseFile caseFile;
  private final ZoneId zone;

  SelfUseApi(SelfUseBookings selfUse, CaseFile caseFile, MadoguchiProperties facility) {
    this.selfUse = selfUse;
    this.caseFile = caseFile;
    this.zone = facility.timeZone();
  }

  @PostMapping("/api/cases/{caseNumber}/self-use-bookings")
  ResponseEntity<SelfUseBooking> book(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @Valid @RequestBody SelfUseRequest request) {
    CaseSummary c = caseFile.getOwned(caseNumber, account.accountId());
    request.requireEveryField();
    BookedSession session = selfUse.book(
        c.caseId(), account.accountId(), account.getUsername(), request.instrumentId(),
        request.start().toInstant(), request.end().toInstant());
    return ResponseEntity.status(HttpStatus.CREATED).body(new SelfUseBooking(
            session.bookingId(), session.instrumentId(),
            session.start().atZone(zone).toOffsetDateTime(), session.end().atZone(zone).toOffsetDateTime()));
  }
}
