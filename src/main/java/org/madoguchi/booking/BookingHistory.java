package org.madoguchi.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A case's bookings and the sessions recorded on them, with their usage lines, for the staff console. */
@NamedInterface("api")
@Service
public class BookingHistory {

  /** A reservation; {@code status} is {@code RESERVED}, {@code COMPLETED}, {@code CANCELLED} or {@code NO_SHOW}. */
  @NamedInterface("api")
  public record BookingView(
      long id, String unitCode, String instrument, BigDecimal requestedHours, Instant slotStart, Instant slotEnd,
      String status, SessionView session) {}

  /** The session recorded on a booking (null on the booking until it is recorded). */
  @NamedInterface("api")
  public record SessionView(
      BigDecimal actualHours, String elnReference, String sessionNotes, int datasetCount, Instant recordedAt,
      List<UsageItem> lines) {}

  private final BookingRepository bookings;
  private final UsageRecordRepository records;
  private final UsageItemRecordRepository items;
  private final UnitCatalogue catalogue;

  BookingHistory(
      BookingRepository bookings, UsageRecordRepository records, UsageItemRecordRepository items, UnitCatalogue catalogue) {
    this.bookings = bookings;
    this.records = records;
    this.items = items;
    this.catalogue = catalogue;
  }

  /** Oldest first; the caller checks the viewer may see the case. */
  @Transactional(readOnly = true)
  public List<BookingView> forStaff(long caseId) {
    Map<Long, UsageRecord> sessions =
        records.findByCaseIdOrderById(caseId).stream().collect(Collectors.toMap(UsageRecord::bookingId, r -> r));
    Map<Long, List<UsageItem>> lines =
        items.findByCaseIdOrderByUsageRecordIdAscLineNoAsc(caseId).stream()
            .filter(item -> item.usageRecordId() != null)
            .collect(Collectors.groupingBy(UsageItemRecord::usageRecordId, Collectors.mapping(UsageItemRecord::view, Collectors.toList())));
    return bookings.findByCaseIdOrderById(caseId).stream()
        .map(
            b -> {
              UsageRecord s = sessions.get(b.id());
              SessionView session =
                  s == null
                      ? null
                      : new SessionView(
                          s.actualHours(), s.elnReference(), s.sessionNotes(), s.datasetCount(), s.recordedAt(),
                          lines.getOrDefault(s.id(), List.of()));
              String instrument = catalogue.instrument(b.instrumentId()).map(Instrument::name).orElse(String.valueOf(b.instrumentId()));
              return new BookingView(
                  b.id(), b.unitCode(), instrument, b.requestedHours(), b.slotStart(), b.slotEnd(), b.status().name(), session);
            })
        .toList();
  }
}
