package org.madoguchi.admin;

import java.util.List;
import java.util.Locale;

/**
 * Deploys an upload with the rest of the deployed models to a fresh in-memory engine and runs the smoke
 * journeys through it, with workers that check the inputs the real workers read and answer with the
 * outputs they would give.
 */
public interface DryRuns {

  DryRunReport run(List<ModelFile> upload, List<ModelFile> deployed, Locale locale);

  /** One smoke journey per path (accept and complete, request information, decline ...). */
  record DryRunReport(List<JourneyResult> journeys) {

    public boolean allCompleted() {
      return journeys.stream().allMatch(JourneyResult::completed);
    }
  }

  /**
   * @param passed element ids completed, in order, over the journey's process instances
   * @param stoppedAt the element the journey was waiting at or failed in; null when it completed
   * @param problem why it stopped, in the reader's language; null when it completed
   */
  record JourneyResult(String name, boolean completed, List<String> passed, String stoppedAt, String problem) {}
}
