package org.madoguchi.booking;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The booking_slots table: one row per (instrument, 30-minute slot) a booking holds. Its primary key is
 * what makes double booking impossible, whichever application instance asks. Plain JDBC on purpose: a
 * refused insert must fail that statement only, so the caller's transaction can try another slot.
 * Times are written and read as UTC wall-clock values, like Hibernate does ({@code hibernate.jdbc.time_zone=UTC}).
 */
@Repository
class BookingSlots {

  private static final int ER_DUP_ENTRY = 1062;

  private final JdbcTemplate jdbc;

  BookingSlots(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Holds every slot for the booking in one statement (all or none). Returns false when another booking
   * holds one of them already; if that booking's transaction is still open this waits for its outcome.
   */
  boolean tryHold(long instrumentId, List<Instant> slotStarts, long bookingId) {
    StringBuilder sql = new StringBuilder("INSERT INTO booking_slots (instrument_id, slot_start, booking_id) VALUES ");
    List<Object> args = new ArrayList<>(slotStarts.size() * 3);
    for (int i = 0; i < slotStarts.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
      args.add(instrumentId);
      args.add(utc(slotStarts.get(i)));
      args.add(bookingId);
    }
    try {
      jdbc.update(sql.toString(), args.toArray());
      return true;
    } catch (DataIntegrityViolationException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Slot starts of the instrument held in {@code [from, to)}, as committed so far. */
  Set<Instant> held(long instrumentId, Instant from, Instant to) {
    List<Instant> rows =
        jdbc.query(
            "SELECT slot_start FROM booking_slots WHERE instrument_id = ? AND slot_start >= ? AND slot_start < ?",
            (rs, n) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
            instrumentId,
            utc(from),
            utc(to));
    return new HashSet<>(rows);
  }

  /** Slot starts the booking holds, in order. */
  List<Instant> heldBy(long bookingId) {
    return jdbc.query(
        "SELECT slot_start FROM booking_slots WHERE booking_id = ? ORDER BY slot_start",
        (rs, n) -> rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
        bookingId);
  }

  /** Frees the booking's slots; returns how many it held. */
  int release(long bookingId) {
    return jdbc.update("DELETE FROM booking_slots WHERE booking_id = ?", bookingId);
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static boolean isDuplicateKey(Throwable e) {
    if (e instanceof DuplicateKeyException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == ER_DUP_ENTRY) {
        return true;
      }
    }
    return false;
  }
}
