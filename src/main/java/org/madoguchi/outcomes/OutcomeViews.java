package org.madoguchi.outcomes;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** What the applicant API returns about a case's outcomes. */
@NamedInterface("api")
public final class OutcomeViews {

  private OutcomeViews() {}

  @NamedInterface("api")
  public record OutcomesView(List<PaperView> papers, List<PatentView> patents, List<SeedView> seeds, List<ReportView> reports) {}

  @NamedInterface("api")
  public record PaperView(long id, String doi, String title, Instant reportedAt) {}

  @NamedInterface("api")
  public record PatentView(long id, String applicationNumber, String title, Instant reportedAt) {}

  @NamedInterface("api")
  public record SeedView(long id, String description, String stage, Instant reportedAt) {}

  @NamedInterface("api")
  public record ReportView(long id, String notes, Instant reportedAt) {}
}
