package org.madoguchi.deposit;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deposit's published view of a case's datasets, for other features (closure, KPIs). */
@Service
public class DatasetRegistry {

  private final DatasetRepository datasets;

  DatasetRegistry(DatasetRepository datasets) {
    this.datasets = datasets;
  }

  /**
   * Whether every dataset of the case is verified or exempted by a data steward (true when the case
   * produced none): only then may the case close.
   */
  @Transactional(readOnly = true)
  public boolean allSettled(long caseId) {
    return datasets.findByCaseIdOrderByIdAsc(caseId).stream().allMatch(d -> d.status().isSettled());
  }

  /** The statuses of the case's datasets, in registration order. */
  @Transactional(readOnly = true)
  public List<DatasetStatus> statuses(long caseId) {
    return datasets.findByCaseIdOrderByIdAsc(caseId).stream().map(Dataset::status).toList();
  }
}
