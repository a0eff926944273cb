package org.madoguchi.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the applicant API returns about cases. */
public final class CaseViews {

  private CaseViews() {}

  public record CaseListItem(String caseNumber, String title, CaseStatus status, boolean fastTrack, Instant submittedAt, Instant updatedAt) {}

  /**
   * One line of the timeline, rendered in the reader's language by {@link CaseTimeline}: {@code action}
   * is the event type's stable code, {@code note} what a person wrote, as written.
   */
  public record TimelineEntry(Instant at, String action, String label, String actor, String detail, String note) {}

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
