package org.madoguchi.cases;

import org.springframework.modulith.NamedInterface;

/** What other features need to know about a case, without reaching into the aggregate. */
@NamedInterface("api")
public record CaseSummary(
    long caseId,
    String caseNumber,
    long accountId,
    String title,
    String applicantName,
    String affiliation,
    String email,
    String language,
    String applicantCategory,
    String confidentiality,
    boolean fastTrack,
    CaseStatus status) {

  static CaseSummary of(SupportCase c) {
    return new CaseSummary(
        c.id(),
        c.caseNumber(),
        c.accountId(),
        c.title(),
        c.applicantName(),
        c.affiliation(),
        c.email(),
        c.language(),
        c.applicantCategory(),
        c.confidentiality(),
        c.isFastTrack(),
        c.status());
  }
}
