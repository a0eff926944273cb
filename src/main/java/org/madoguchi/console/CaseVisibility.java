package org.madoguchi.console;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.StaffCases;
import org.madoguchi.cases.StaffCases.Scope;
import org.madoguchi.cases.StaffCases.StaffCaseFile;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.units.CaseTeams;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which cases a staff member may see, the one rule every console endpoint goes through: the desk and
 * admins every case; {@code unit-<code>} and {@code operators-<code>} the cases that involve their
 * unit (planned in an accepted consultation, or decided on by the unit); finance the cases with a fee
 * statement; data stewards the cases with datasets; everyone the cases whose team they are on now. A
 * {@code confidential} case only its current team, the desk and admins see, and each time one of them
 * opens it the audit trail gets a {@code case-viewed} line. Any other case is not found.
 */
@Service
public class CaseVisibility {

  static final String CONFIDENTIAL = "confidential";

  private final StaffCases cases;
  private final CaseTeams teams;
  private final CaseFile caseFile;

  CaseVisibility(StaffCases cases, CaseTeams teams, CaseFile caseFile) {
    this.cases = cases;
    this.teams = teams;
    this.caseFile = caseFile;
  }

  public Scope scopeOf(StaffViewer viewer) {
    if (viewer.seesEveryCase()) {
      return Scope.allCases();
    }
    Set<String> units = new HashSet<>();
    viewer.groups().forEach(group -> group.unitCode().ifPresent(units::add));
    return Scope.of(
        units, viewer.groups().contains(StaffGroup.FINANCE), viewer.groups().contains(StaffGroup.DATA_STEWARDS),
        teams.casesOf(viewer.email()));
  }

  /**
   * The whole case if the viewer may see it, with its trail in {@code locale}; the view of a
   * confidential case is written to its audit trail (and is in the trail returned). Not found otherwise.
   */
  @Transactional
  public StaffCaseFile open(StaffViewer viewer, String caseNumber, Locale locale) {
    Scope scope = scopeOf(viewer);
    StaffCaseFile found = visible(caseNumber, scope, locale).orElseThrow(() -> new NotFoundException("case"));
    if (!CONFIDENTIAL.equals(found.request().confidentiality())) {
      return found;
    }
    caseFile.record(found.caseId(), new CaseEvent.CaseViewed(), viewer.actor(), null);
    return visible(caseNumber, scope, locale).orElseThrow();
  }

  /**
   * After {@link #require}: the viewer opened part of the case (a document), written to the audit trail
   * like a view of its page when the case is confidential.
   */
  void partViewed(StaffViewer viewer, long caseId) {
    if (CONFIDENTIAL.equals(caseFile.get(caseId).confidentiality())) {
      caseFile.record(caseId, new CaseEvent.CaseViewed(), viewer.actor(), null);
    }
  }

  /** The case's id if the viewer may see it (for actions, which write nothing on a view); not found otherwise. */
  @Transactional(readOnly = true)
  public long require(StaffViewer viewer, String caseNumber) {
    return cases.idOf(caseNumber, scopeOf(viewer)).orElseThrow(() -> new NotFoundException("case"));
  }

  /**
   * Part of the case ({@code part} of its id, e.g. a fee PDF) if the viewer may see the case; not found
   * otherwise. What is served from a confidential case is audited like {@link #partViewed}.
   */
  @Transactional
  public <T> T openPart(StaffViewer viewer, String caseNumber, LongFunction<T> part) {
    long caseId = require(viewer, caseNumber);
    T opened = part.apply(caseId);
    partViewed(viewer, caseId);
    return opened;
  }

  private Optional<StaffCaseFile> visible(String caseNumber, Scope scope, Locale locale) {
    return cases.find(caseNumber, scope, locale);
  }
}
