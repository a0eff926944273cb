package org.madoguchi.deposit;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side for the applicant's case page: the datasets of a case the applicant still has to
 * deposit (asked for, or sent back), with the time they were last asked. Callers check ownership of
 * the case first.
 */
@Service
public class DepositsDue {

  /** @param askedAt when the dataset last entered its current state (deposit opened or sent back) */
  public record DatasetDue(long datasetId, String title, DatasetStatus status, Instant askedAt) {}

  private final DatasetRepository datasets;

  DepositsDue(DatasetRepository datasets) {
    this.datasets = datasets;
  }

  @Transactional(readOnly = true)
  public List<DatasetDue> forCase(long caseId) {
    return datasets.findByCaseIdOrderByIdAsc(caseId).stream()
        .filter(d -> d.status().acceptsDeposit())
        .map(d -> new DatasetDue(d.id(), d.title(), d.status(), d.updatedAt()))
        .toList();
  }
}
