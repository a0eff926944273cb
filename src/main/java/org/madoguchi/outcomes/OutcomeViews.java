package org.madoguchi.outcomes;

import java.time.Instant;
import java.util.List;

/** What the applicant API returns about a case's outcomes. */
final class OutcomeViews {

  private OutcomeViews() {}

  record OutcomesView(List<PaperView> papers, List<PatentView> patents, List<SeedView> seeds, List<ReportView> reports) {}

  record PaperView(long id, String doi, String title, Instant reportedAt) {}

  record PatentView(long id, String applicationNumber, String title, Instant reportedAt) {}

  record SeedView(long id, String description, String stage, Instant reportedAt) {}

  record ReportView(long id, String notes, Instant reportedAt) {}
}
