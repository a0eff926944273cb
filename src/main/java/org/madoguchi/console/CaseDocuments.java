package org.madoguchi.console;

import java.util.List;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.documents.DocumentContent;
import org.madoguchi.documents.DocumentView;
import org.madoguchi.documents.Documents;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's documents for staff: listed, downloaded and attached only on a case the person may see ({@link
 * CaseVisibility}); an unknown case, one out of scope and a document of another case are all not found.
 */
@Service
public class CaseDocuments {

  private final CaseVisibility visibility;
  private final Documents documents;

  CaseDocuments(CaseVisibility visibility, Documents documents) {
    this.visibility = visibility;
    this.documents = documents;
  }

  /** For a case whose visibility {@link CaseFiles} has checked. */
  List<DocumentView> of(long caseId) {
    return documents.forCase(caseId);
  }

  /** The document, ready to send, if it belongs to a case the viewer may see; a confidential case's download is audited. */
  @Transactional
  public DocumentContent open(StaffViewer viewer, String caseNumber, long documentId) {
    long caseId = visibility.require(viewer, caseNumber);
    DocumentContent content = documents.open(documentId);
    if (content.document().caseId() != caseId) {
      throw new NotFoundException("document");
    }
    visibility.partViewed(viewer, caseId);
    return content;
  }

  /** Attaches a document to the case file in the viewer's name (group and name in the audit trail). */
  @Transactional
  public DocumentView attach(StaffViewer viewer, String caseNumber, String fileName, InputStreamSource content) {
    long caseId = visibility.require(viewer, caseNumber);
    return documents.attachByStaff(caseId, viewer.actor(), fileName, content);
  }
}
