package org.madoguchi.console.web.catalogue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.madoguchi.units.MaintenanceWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live bookings a maintenance or downtime window overlaps: they keep their slots until someone moves
 * them, so the instrument's page lists them with their case. Read here because the booking feature
 * publishes no query by instrument and time.
 */
@Component
class BookingsToMove {

  record BookingToMove(long bookingId, String caseNumber, Instant slotStart, Instant slotEnd) {}

  private final JdbcClient jdbc;

  BookingsToMove(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Bookings are stored as UTC wall-clock times (Hibernate's {@code jdbc.time_zone}), whatever the JVM's zone. */
  @Transactional(readOnly = true)
  List<BookingToMove> overlapping(MaintenanceWindow window) {
    return jdbc.sql("select b.id, c.case_number, b.slot_start, b.slot_end from bookings b join cases c on c.id = b.case_id"
            + " where b.instrument_id = ? and b.status = 'RESERVED' and b.slot_start < ? and b.slot_end > ? order by b.slot_start")
        .params(window.instrumentId(), utc(window.endsAt()), utc(window.startsAt()))
        .query((row, n) -> new BookingToMove(row.getLong("id"), row.getString("case_number"),
            instant(row.getObject("slot_start", LocalDateTime.class)), instant(row.getObject("slot_end", LocalDateTime.class))))
        .list();
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }
}
