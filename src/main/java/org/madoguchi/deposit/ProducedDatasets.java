package org.madoguchi.deposit;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.madoguchi.booking.UsageRecorded;
import org.madoguchi.booking.UsageRecorded.ProducedDataset;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the datasets an instrument session produced, in the transaction that records the session
 * (so usage and datasets are written together or not at all). A repeated event creates nothing twice.
 */
@Service
class ProducedDatasets {

  private static final int MAX_TITLE = 300;
  private static final int MAX_DATA_TYPE = 100;

  private final DatasetRepository datasets;
  private final CaseFile caseFile;
  private final Clock clock;

  ProducedDatasets(DatasetRepository datasets, CaseFile caseFile, Clock clock) {
    this.datasets = datasets;
    this.caseFile = caseFile;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void on(UsageRecorded event) {
    register(event);
  }

  /** Returns how many datasets were new. */
  @Transactional
  int register(UsageRecorded event) {
    List<ProducedDataset> produced = event.datasets() == null ? List.of() : event.datasets();
    Set<Integer> known =
        datasets.findByUsageRecordId(event.usageRecordId()).stream().map(Dataset::itemNo).collect(Collectors.toSet());
    int created = 0;
    for (int i = 0; i < produced.size(); i++) {
      ProducedDataset p = produced.get(i);
      if (p == null || known.contains(i)) {
        continue;
      }
      datasets.save(
          new Dataset(
              event.caseId(),
              event.unitCode(),
              event.usageRecordId(),
              i,
              text(p.title(), "Dataset " + (i + 1), MAX_TITLE),
              text(p.dataType(), "unspecified", MAX_DATA_TYPE),
              p.sizeGb() == null ? null : p.sizeGb().setScale(3, RoundingMode.HALF_UP),
              clock.instant()));
      created++;
    }
    if (created > 0) {
      caseFile.record(
          event.caseId(), new CaseEvent.DatasetsRegistered(event.unitCode(), created), Actor.system(),
          "datasets-registered:" + event.usageRecordId());
    }
    return created;
  }

  /**
   * Booking validates the session form; this only keeps a surprising value (blank, over-long) from
   * failing the transaction that records the instrument use.
   */
  private static String text(String value, String fallback, int max) {
    String v = value == null || value.isBlank() ? fallback : value.strip();
    return v.length() <= max ? v : v.substring(0, max);
  }
}
