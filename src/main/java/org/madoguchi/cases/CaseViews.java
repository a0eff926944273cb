package org.madoguchi.cases;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.madoguchi.common.web.StoredIn;
import org.springframework.modulith.NamedInterface;

/** What the applicant API returns about cases. */
@NamedInterface("api")
public final class CaseViews {

  private CaseViews() {}

  @NamedInterface("api")
  public record CaseListItem(String caseNumber, String title, CaseStatus status, boolean fastTrack, Instant submittedAt, Instant updatedAt) {}

  /**
   * One line of the timeline, rendered in the reader's language by {@link CaseTimeline}: {@code action}
   * is the event type's stable code, {@code note} what a person wrote, as written.
   */
  @NamedInterface("api")
  public record TimelineEntry(Instant at, String action, String label, String actor, String detail, String note) {}

  @NamedInterface("api")
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

  /** The applicant's cancellation, with an optional reason for the desk (the API's body and the cancel page's form). */
  @NamedInterface("api")
  public record Cancellation(@Size(max = MAX_REASON) @StoredIn("case_events.parameters") String reason) {

    public static final int MAX_REASON = 2000;
  }
}
