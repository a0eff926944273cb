package org.madoguchi.console;

import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.CaseEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A coordinator's note on a case, outside any task: a line of the audit trail with the text as written. */
@Service
public class CaseNotes {

  /** The longest note; the trail keeps it in a JSON column, the limit keeps the page readable. */
  public static final int MAX_LENGTH = 2000;

  private final CaseVisibility visibility;
  private final CaseFile caseFile;

  CaseNotes(CaseVisibility visibility, CaseFile caseFile) {
    this.visibility = visibility;
    this.caseFile = caseFile;
  }

  /** Adds the note if the viewer may see the case; not found otherwise (nothing written). */
  @Transactional
  public void add(StaffViewer viewer, String caseNumber, String text) {
    long caseId = visibility.require(viewer, caseNumber);
    caseFile.record(caseId, new CaseEvent.NoteAdded(text.strip()), viewer.actor(), null);
  }
}
