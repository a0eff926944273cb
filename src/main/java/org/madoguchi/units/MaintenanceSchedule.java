package org.madoguchi.units;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintenance windows of the instruments; booking never places a session over one. */
@NamedInterface("api")
@Service
public class MaintenanceSchedule {

  private final MaintenanceRecordRepository windows;
  private final InstrumentRecordRepository instruments;

  MaintenanceSchedule(MaintenanceRecordRepository windows, InstrumentRecordRepository instruments) {
    this.windows = windows;
    this.instruments = instruments;
  }

  /** Windows of the instrument that overlap {@code [from, to)}, by start. */
  @Transactional(readOnly = true)
  public List<MaintenanceWindow> overlapping(long instrumentId, Instant from, Instant to) {
    return windows.overlapping(instrumentId, from, to).stream().map(MaintenanceRecord::view).toList();
  }

  /** Windows of any of the instruments that overlap {@code [from, to)}, by start (one query, for calendars). */
  @Transactional(readOnly = true)
  public List<MaintenanceWindow> overlapping(Collection<Long> instrumentIds, Instant from, Instant to) {
    return instrumentIds.isEmpty()
        ? List.of()
        : windows.overlappingAny(instrumentIds, from, to).stream().map(MaintenanceRecord::view).toList();
  }

  /**
   * Blocks {@code [start, end)} on the instrument. Sessions booked before are not moved: the unit
   * coordinator reschedules them.
   */
  @Transactional
  public MaintenanceWindow schedule(long instrumentId, Instant start, Instant end, String reason) {
    if (!instruments.existsById(instrumentId)) {
      throw new IllegalArgumentException("no instrument " + instrumentId);
    }
    if (start == null || end == null || !end.isAfter(start)) {
      throw new IllegalArgumentException("a maintenance window must end after it starts");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a maintenance window needs a reason");
    }
    return windows.save(new MaintenanceRecord(instrumentId, WindowKind.PLANNED, start, end, reason.strip())).view();
  }
}
