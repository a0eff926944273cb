package org.madoguchi.booking;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@link UsageLedger} over the recorded sessions. */
@Service
class BookingUsageLedger implements UsageLedger {

  private final UsageRecordRepository records;
  private final UsageItemRecordRepository items;

  BookingUsageLedger(UsageRecordRepository records, UsageItemRecordRepository items) {
    this.records = records;
    this.items = items;
  }

  /** Ordered by session, then line: upkeep, operator time, then reagents and consumables as reported. */
  @Override
  @Transactional(readOnly = true)
  public List<UsageItem> itemsForCase(long caseId) {
    return items.findByCaseIdOrderByUsageRecordIdAscLineNoAsc(caseId).stream().map(UsageItemRecord::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public boolean anyUsageRecorded(long caseId) {
    return records.existsByCaseId(caseId);
  }
}
