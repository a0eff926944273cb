package org.madoguchi.fees.pdf;

import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.fees.StatementStatus;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.StatementVersions;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statement PDF a download asks for: a version of the case's statement (the current one when none is
 * named) in {@code ja} or {@code en} (the applicant's language when none is named). Only versions sent to
 * the applicant have a PDF; a draft, an unknown version or another language is not found.
 */
@NamedInterface("api")
@Service
public class StatementPdfs {

  private final CaseFile caseFile;
  private final StatementVersions versions;
  private final FeePdfs pdfs;

  StatementPdfs(CaseFile caseFile, StatementVersions versions, FeePdfs pdfs) {
    this.caseFile = caseFile;
    this.versions = versions;
    this.pdfs = pdfs;
  }

  /** For the applicant: their own case only. */
  @Transactional
  public ArchivedPdf forApplicant(String caseNumber, long accountId, Integer version, String language) {
    return pdfOf(caseFile.getOwned(caseNumber, accountId), version, language);
  }

  /** For staff: the caller has checked that the viewer may see the case. */
  @Transactional
  public ArchivedPdf forStaff(long caseId, Integer version, String language) {
    return pdfOf(caseFile.get(caseId), version, language);
  }

  private ArchivedPdf pdfOf(CaseSummary supportCase, Integer version, String language) {
    String chosen = language == null || language.isBlank() ? supportCase.language() : language;
    if (!"ja".equals(chosen) && !"en".equals(chosen)) {
      throw new NotFoundException("statement");
    }
    StatementVersion found =
        versions.history(supportCase.caseId()).stream()
            .filter(v -> version == null ? v.current() : v.version() == version)
            .filter(v -> v.status() != StatementStatus.DRAFT)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("statement"));
    return pdfs.statement(found, chosen);
  }
}
