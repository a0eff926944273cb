package org.madoguchi.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the applicant API returns about cases. */
public final class CaseViews {

  private CaseViews() {}

  public record CaseListItem(String caseNumber, String title, CaseStatus status, boolean fastTrack, Instant submittedAt, Instant updatedAt) {}

  public record TimelineEntry(Instant at, String actor, String action, String detail) {}

  public record CaseDetail(
      String caseNumber,
      String title,
      CaseStatus status,
      String applicantName,
      String affiliation,
      String applicantCategory,
      String summary,
      String aims,
      String targets,
      List<String> requestedServices,
      LocalDate desiredStart,
      LocalDate desiredEnd,
      String confidentiality,
      String fastTrackReason,
      Instant submittedAt,
      List<TimelineEntry> timeline) {}

  public record Cancellation(String reason) {}
}
