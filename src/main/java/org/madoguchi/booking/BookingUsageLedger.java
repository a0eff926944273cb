package org.madoguchi.booking;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@link UsageLedger} over the recorded sessions and the late-cancelled and no-show bookings. */
@Service
class BookingUsageLedger implements UsageLedger {

  private final UsageRecordRepository records;
  private final UsageItemRecordRepository items;
  private final BookingRepository bookings;

  BookingUsageLedger(UsageRecordRepository records, UsageItemRecordRepository items, BookingRepository bookings) {
    this.records = records;
    this.items = items;
    this.bookings = bookings;
  }

  /**
   * Ordered by session, then line: upkeep, operator time, then reagents and consumables as reported;
   * then the lines of late cancellations and no-shows by booking, each saying whether its freed time was
   * booked again (read now, so an assessment sees the latest reuse).
   */
  @Override
  @Transactional(readOnly = true)
  public List<UsageItem> itemsForCase(long caseId) {
    List<UsageItem> sessionLines = new ArrayList<>();
    List<UsageItem> policyLines = new ArrayList<>();
    for (UsageItemRecord item : items.findByCaseIdOrderByUsageRecordIdAscLineNoAsc(caseId)) {
      if (item.usageRecordId() != null) {
        sessionLines.add(item.view());
      } else {
        policyLines.add(item.view(bookings.slotReused(item.bookingId())));
      }
    }
    sessionLines.addAll(policyLines);
    return sessionLines;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean anyUsageRecorded(long caseId) {
    return records.existsByCaseId(caseId);
  }
}
