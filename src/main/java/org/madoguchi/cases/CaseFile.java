package org.madoguchi.cases;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.audit.CaseEventType;
import org.madoguchi.cases.audit.RecordedEvent;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file as other features use it: look a case up, move it along the journey, write its audit
 * trail. Every method is safe to repeat with the same dedupe key (jobs arrive at least once).
 */
@NamedInterface("api")
@Service
public class CaseFile {

  private final SupportCaseRepository cases;
  private final AuditEntryRepository entries;
  private final CaseInvolvements involvements;
  private final Clock clock;
  private final EntityManager entities;

  CaseFile(
      SupportCaseRepository cases,
      AuditEntryRepository entries,
      CaseInvolvements involvements,
      Clock clock,
      EntityManager entities) {
    this.cases = cases;
    this.entries = entries;
    this.involvements = involvements;
    this.clock = clock;
    this.entities = entities;
  }

  @Transactional(readOnly = true)
  public CaseSummary get(long caseId) {
    return cases.findById(caseId).map(CaseSummary::of).orElseThrow(() -> new NotFoundException("case"));
  }

  /** The case if it belongs to the account; not-found otherwise, so other applicants' cases stay invisible. */
  @Transactional(readOnly = true)
  public CaseSummary getOwned(String caseNumber, long accountId) {
    return cases
        .findByCaseNumber(caseNumber)
        .filter(c -> c.accountId() == accountId)
        .map(CaseSummary::of)
        .orElseThrow(() -> new NotFoundException("case"));
  }

  /**
   * Moves the case to {@code target} and records the event that did it, once. Returns false if it was
   * already there. Locks the case row so that concurrent steps see each other's transitions.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean transition(long caseId, CaseStatus target, CaseEvent event, Actor actor) {
    SupportCase supportCase = locked(caseId);
    Instant now = clock.instant();
    boolean moved = supportCase.moveTo(target, now);
    if (moved) {
      save(caseId, now, event, actor, null);
    }
    return moved;
  }

  /** Records an event unless one with the same dedupe key exists; returns whether it was recorded. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean record(long caseId, CaseEvent event, Actor actor, String dedupeKey) {
    if (dedupeKey != null && entries.existsByDedupeKey(dedupeKey)) {
      return false;
    }
    save(caseId, clock.instant(), event, actor, dedupeKey);
    return true;
  }

  /** The case's events, oldest first. */
  @Transactional(readOnly = true)
  public List<RecordedEvent> history(long caseId) {
    return entries.findByCaseIdOrderByOccurredAtAscIdAsc(caseId).stream().map(CaseFile::recorded).toList();
  }

  private void save(long caseId, Instant at, CaseEvent event, Actor actor, String dedupeKey) {
    entries.save(new AuditEntry(caseId, at, actor, event.type(), EventParameters.write(event), dedupeKey));
    involvements.add(caseId, event);
  }

  private static RecordedEvent recorded(AuditEntry entry) {
    CaseEvent event =
        entry.parameters() == null
            ? null
            : CaseEventType.ofCode(entry.action()).map(type -> EventParameters.read(type, entry.parameters())).orElse(null);
    return new RecordedEvent(entry.occurredAt(), Actor.parse(entry.actor()), entry.action(), event, entry.detail());
  }

  /**
   * The case locked for this transaction, as the locked row has it: a read earlier in the same
   * transaction (e.g. the owner check of an applicant's request) may hold an older copy, and deciding on
   * that copy would fail the version check when another step moved the case in between. Changes this
   * transaction made to the case are flushed first, so the refresh keeps them.
   */
  private SupportCase locked(long caseId) {
    entities.flush();
    SupportCase supportCase = entities.find(SupportCase.class, caseId);
    if (supportCase == null) {
      throw new NotFoundException("case");
    }
    entities.refresh(supportCase, LockModeType.PESSIMISTIC_WRITE);
    return supportCase;
  }
}
