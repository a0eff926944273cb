package org.madoguchi.cases;

import java.util.List;
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
  private final CaseEventRepository events;

  CaseFile(SupportCaseRepository cases, CaseEventRepository events) {
    this.cases = cases;
    this.events = events;
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
   * Moves the case to {@code target} and records why, once. Returns false if it was already there.
   * Locks the case row so that concurrent steps see each other's transitions.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean transition(long caseId, CaseStatus target, String actor, String action, String detail) {
    SupportCase supportCase = cases.findForUpdate(caseId).orElseThrow(() -> new NotFoundException("case"));
    boolean moved = supportCase.moveTo(target);
    if (moved) {
      events.save(new CaseEvent(caseId, actor, action, detail, null));
    }
    return moved;
  }

  /** Records an event unless one with the same dedupe key exists; returns whether it was recorded. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean record(long caseId, String actor, String action, String detail, String dedupeKey) {
    if (dedupeKey != null && events.existsByDedupeKey(dedupeKey)) {
      return false;
    }
    events.save(new CaseEvent(caseId, actor, action, detail, dedupeKey));
    return true;
  }

  @Transactional(readOnly = true)
  public List<CaseEvent> history(long caseId) {
    return events.findByCaseIdOrderByOccurredAtAscIdAsc(caseId);
  }
}
