package org.madoguchi.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.booking.BookedSession;
import org.madoguchi.booking.BookedSessions;
import org.madoguchi.cases.ApplicantCaseQueries;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.units.CaseTeams;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.SupportUnit;
import org.madoguchi.units.TeamRole;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which bookings a feed holds: an instrument's, an applicant's own cases', or an operator's, that is
 * those of the unit whose lead operator they currently are on each case (what the unit gave them to run;
 * another unit's sessions on the same case are not theirs).
 */
@Service
class FeedContents {

  private record CaseUnit(long caseId, String unitCode) {}

  private final BookedSessions bookings;
  private final ApplicantCaseQueries applicantCases;
  private final CaseFile caseFile;
  private final CaseTeams teams;
  private final UnitCatalogue catalogue;
  private final Accounts accounts;
  private final CalendarProperties properties;
  private final Clock clock;

  FeedContents(
      BookedSessions bookings, ApplicantCaseQueries applicantCases, CaseFile caseFile, CaseTeams teams, UnitCatalogue catalogue,
      Accounts accounts, CalendarProperties properties, Clock clock) {
    this.bookings = bookings;
    this.applicantCases = applicantCases;
    this.caseFile = caseFile;
    this.teams = teams;
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<FeedEntry> entries(FeedOwner owner) {
    Instant now = clock.instant();
    Instant endingAfter = now.minus(properties.past());
    Instant cancelledSince = now.minus(properties.cancelledKept());
    List<BookedSession> sessions =
        switch (owner.kind()) {
          case INSTRUMENT -> bookings.onInstrument(owner.id(), endingAfter, cancelledSince);
          case APPLICANT -> bookings.ofCases(ownCases(owner.id()), endingAfter, cancelledSince);
          case OPERATOR -> operatorSessions(owner.id(), endingAfter, cancelledSince);
        };
    Map<Long, CaseSummary> cases = new HashMap<>();
    Map<Long, Instrument> instruments = new HashMap<>();
    Map<String, SupportUnit> units = new HashMap<>();
    return sessions.stream()
        .map(s -> new FeedEntry(
            s,
            cases.computeIfAbsent(s.caseId(), caseFile::get),
            instruments.computeIfAbsent(s.instrumentId(), id -> catalogue.instrument(id).orElseThrow()),
            units.computeIfAbsent(s.unitCode(), code -> catalogue.unit(code).orElseThrow())))
        .toList();
  }

  private Set<Long> ownCases(long accountId) {
    Set<Long> ids = new HashSet<>();
    applicantCases.list(accountId).forEach(c -> ids.add(caseFile.getOwned(c.caseNumber(), accountId).caseId()));
    return ids;
  }

  private List<BookedSession> operatorSessions(long accountId, Instant endingAfter, Instant cancelledSince) {
    String email = accounts.find(accountId).map(Account::email).orElse(null);
    if (email == null) {
      return List.of();
    }
    Set<CaseUnit> led = new HashSet<>();
    for (long caseId : teams.casesOf(email)) {
      teams.current(caseId).stream()
          .filter(m -> m.role() == TeamRole.LEAD_OPERATOR && m.email().equalsIgnoreCase(email))
          .forEach(m -> led.add(new CaseUnit(caseId, m.unitCode())));
    }
    Set<Long> caseIds = new HashSet<>();
    led.forEach(l -> caseIds.add(l.caseId()));
    return bookings.ofCases(caseIds, endingAfter, cancelledSince).stream()
        .filter(s -> led.contains(new CaseUnit(s.caseId(), s.unitCode())))
        .toList();
  }
}
