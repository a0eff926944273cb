package org.madoguchi.booking;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Published inside the transaction that records an instrument session, so the data-deposit feature
 * registers the produced datasets atomically with the usage.
 */
@NamedInterface("api")
public record UsageRecorded(long caseId, String unitCode, long usageRecordId, List<ProducedDataset> datasets) {

  @NamedInterface("api")
  public record ProducedDataset(String title, String dataType, BigDecimal sizeGb) {}
}
