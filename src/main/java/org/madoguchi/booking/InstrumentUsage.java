package org.madoguchi.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recorded use per instrument over a span of facility days, for cost recovery: the hours of recorded
 * sessions, and which instrument and day a chargeable line of recorded use belongs to. A session counts
 * on the facility day its booking starts, even when it runs past midnight.
 */
@NamedInterface("api")
@Service
public class InstrumentUsage {

  /**
   * Where a usage line ({@link UsageItem#usageItemId()}) comes from.
   *
   * @param usedOn the facility day its booking starts
   */
  @NamedInterface("api")
  public record UsageOrigin(long usageItemId, long instrumentId, String itemKind, LocalDate usedOn) {}

  private final UsageRecordRepository records;
  private final UsageItemRecordRepository items;
  private final ZoneId zone;

  InstrumentUsage(UsageRecordRepository records, UsageItemRecordRepository items, MadoguchiProperties facility) {
    this.records = records;
    this.items = items;
    this.zone = facility.timeZone();
  }

  /** Actual hours of the sessions recorded on bookings that start from {@code first} to {@code last} (inclusive), per instrument id. */
  @Transactional(readOnly = true)
  public Map<Long, BigDecimal> hoursUsed(LocalDate first, LocalDate last) {
    Map<Long, BigDecimal> hours = new HashMap<>();
    for (Object[] row : records.hoursByInstrument(startOf(first), startOf(last.plusDays(1)))) {
      hours.put((Long) row[0], (BigDecimal) row[1]);
    }
    return hours;
  }

  /** The origins of those usage lines that exist, by usage line id; one query. */
  @Transactional(readOnly = true)
  public Map<Long, UsageOrigin> origins(Collection<Long> usageItemIds) {
    Map<Long, UsageOrigin> origins = new HashMap<>();
    if (usageItemIds.isEmpty()) {
      return origins;
    }
    List<Object[]> rows = items.origins(usageItemIds);
    for (Object[] row : rows) {
      long id = (Long) row[0];
      origins.put(id, new UsageOrigin(id, (Long) row[1], (String) row[2], ((Instant) row[3]).atZone(zone).toLocalDate()));
    }
    return origins;
  }

  private Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }
}
