package org.madoguchi.outcomes;

import java.time.Instant;
import java.util.List;

/** What the applicant API returns about a case's outcomes. */
public final class OutcomeViews {

  private OutcomeViews() {}

  public record OutcomesView(List<PaperView> papers, List<PatentView> patents, List<SeedView> seeds, List<ReportView> reports) {}

  public record PaperView(long id, String doi, String title, Instant reportedAt) {}

  public record PatentView(long id, String applicationNumber, String title, Instant reportedAt) {}

  public record SeedView(long id, String description, String stage, Instant reportedAt) {}

  public record ReportView(long id, String notes, Instant reportedAt) {}
}
