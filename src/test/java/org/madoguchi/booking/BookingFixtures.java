package org.madoguchi.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.SupportRequest;
import org.madoguchi.units.JapanesePublicHolidays;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throwaway support units with their own instruments, so booking tests never compete with each other
 * (or with other features' tests) for the seeded instruments; removed again after the test class.
 */
final class BookingFixtures {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final AtomicLong KEYS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Accounts accounts;
  private final Submissions submissions;
  private final List<String> units = new ArrayList<>();

  BookingFixtures(JdbcTemplate jdbc, Accounts accounts, Submissions submissions, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.accounts = accounts;
    this.submissions = submissions;
  }

  record TestInstrument(long id, String name) {}

  /** A new unit; returns its code. */
  String newUnit() {
    String code = "it-" + Long.toString(System.nanoTime(), 36) + "-" + units.size();
    jdbc.update(
        "INSERT INTO support_units (code, name_ja, name_en, description) VALUES (?, ?, ?, ?)",
        code, "試験ユニット", "Test unit", "Created by a booking test");
    units.add(code);
    return code;
  }

  TestInstrument newInstrument(String unitCode, String instrumentClass, long hourlyUpkeepYen, boolean operatorAssisted) {
    String name = unitCode + " " + instrumentClass + " " + System.nanoTime();
    jdbc.update(
        "INSERT INTO instruments (unit_code, name, instrument_class, location, hourly_upkeep_yen, operator_assisted, active)"
            + " VALUES (?, ?, ?, 'Test hall', ?, ?, TRUE)",
        unitCode, name, instrumentClass, hourlyUpkeepYen, operatorAssisted);
    long id = jdbc.queryForObject("SELECT id FROM instruments WHERE name = ?", Long.class, name);
    return new TestInstrument(id, name);
  }

  /** Sets the instrument's slot rules (what the catalogue's booking rules hold). */
  void setSlotRules(long instrumentId, int granularityMinutes, int minMinutes, int maxMinutes, int leadHours) {
    jdbc.update(
        "UPDATE instruments SET booking_granularity_minutes = ?, min_session_minutes = ?, max_session_minutes = ?,"
            + " lead_time_hours = ? WHERE id = ?",
        granularityMinutes, minMinutes, maxMinutes, leadHours, instrumentId);
  }

  /** A submitted case of a fresh applicant. */
  CaseSummary newCase() {
    return newCase(newApplicant());
  }

  /** A fresh applicant account. */
  Account newApplicant() {
    String email = "booking-" + System.nanoTime() + "@lab.example.ac.jp";
    return accounts.ensure(email, "secret-" + email, "Booking Tester", "ja", Set.of(Role.APPLICANT));
  }

  /** A submitted case of the applicant. */
  CaseSummary newCase(Account account) {
    String email = account.email();
    SupportRequest request =
        new SupportRequest(
            "山田 太郎", "Institute of Test Science", email, "academic", "ja", "Structure of a test protein",
            "We would like to determine the structure of a membrane transporter.", "A 3 Å map.", null,
            List.of("cryo-em"), null, null, "open", null, true);
    return submissions.submit(account.id(), request);
  }

  /** A submitted case the unit has accepted (as its coordinator's decision would record it). */
  CaseSummary acceptedCase(String unitCode) {
    return acceptedCase(unitCode, newApplicant());
  }

  /** A case of the applicant the unit has accepted. */
  CaseSummary acceptedCase(String unitCode, Account applicant) {
    CaseSummary c = newCase(applicant);
    jdbc.update(
        "INSERT INTO unit_assignments (case_id, unit_code, round_no, process_instance_key, decision, lead_operator,"
            + " estimated_hours, decided_at) VALUES (?, ?, 1, ?, 'accept', 'hana.mori@madoguchi.example', 2, UTC_TIMESTAMP(6))",
        c.caseId(), unitCode, key());
    // As the unit's decision in the audit trail would: the unit's staff see the case in the console.
    jdbc.update("INSERT IGNORE INTO case_involvements (case_id, involvement) VALUES (?, ?)", c.caseId(), "unit:" + unitCode);
    return c;
  }

  /**
   * A reserved booking written as a booking path writes it, with its slot rows: for sessions no booking
   * path accepts at the test's time (already started, or near now on what may be a public holiday).
   */
  long heldBooking(long caseId, String unitCode, long instrumentId, Instant start, Instant end) {
    return transaction.execute(status -> {
      jdbc.update("INSERT INTO bookings (case_id, unit_code, instrument_id, requested_hours, slot_start, slot_end, status, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, 'RESERVED', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
          caseId, unitCode, instrumentId, Duration.between(start, end).toMinutes() / 60.0, utc(start), utc(end));
      long id = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
      for (Instant slot = start; slot.isBefore(end); slot = slot.plus(SlotPlanner.SLOT)) {
        jdbc.update("INSERT INTO booking_slots (instrument_id, slot_start, booking_id) VALUES (?, ?, ?)", instrumentId, utc(slot), id);
      }
      return id;
    });
  }

  /** The next :00 or :30 strictly after {@code now}. */
  static Instant nextHalfHour(Instant now) {
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    Instant half = hour.plus(SlotPlanner.SLOT);
    return now.isBefore(half) ? half : hour.plus(Duration.ofHours(1));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The case waits in the unit's scheduling task, as the task index records it when unit-support opens it. */
  void awaitingScheduling(long caseId, String unitCode) {
    jdbc.update(
        "INSERT INTO staff_tasks (element_instance_key, process_instance_key, case_id, process_id, element_id, name, candidate_group,"
            + " priority, opened_at) VALUES (?, ?, ?, 'unit-support', 'ScheduleSession', 'Schedule the session', ?, 50, UTC_TIMESTAMP(6))",
        key(), key(), caseId, "unit-" + unitCode);
  }

  /** A unique engine key (process or element instance). */
  static long key() {
    return KEYS.incrementAndGet();
  }

  /**
   * A Monday at least three weeks from now, so "now" never cuts into the tests' slots, starting two weeks
   * without a public holiday, so the tests' days (some reach into the next week) are open.
   */
  static LocalDate mondayAhead() {
    LocalDate monday = LocalDate.now(TOKYO).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    while (!JapanesePublicHolidays.bundled().between(monday, monday.plusDays(13)).isEmpty()) {
      monday = monday.plusWeeks(1);
    }
    return monday;
  }

  static Instant tokyo(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(TOKYO).toInstant();
  }

  static String iso(LocalDate day, int hour, int minute) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(tokyo(day, hour, minute).atZone(TOKYO));
  }

  /**
   * Removes everything the tests made on their units (best effort: a feature that keeps references to
   * usage records, e.g. deposited datasets, keeps its unit alive).
   */
  void removeUnits() {
    for (String code : units) {
      try {
        removeUnit(code);
      } catch (DataAccessException e) {
        // left in place; harmless for other tests, which never book on these units
      }
    }
    units.clear();
  }

  private void removeUnit(String code) {
    transaction.executeWithoutResult(status -> {
      jdbc.update("DELETE s FROM booking_slots s JOIN instruments i ON i.id = s.instrument_id WHERE i.unit_code = ?", code);
      jdbc.update("DELETE u FROM usage_items u JOIN usage_records r ON r.id = u.usage_record_id WHERE r.unit_code = ?", code);
      jdbc.update("DELETE u FROM usage_items u JOIN bookings b ON b.id = u.booking_id WHERE b.unit_code = ?", code);
      jdbc.update("DELETE FROM usage_records WHERE unit_code = ?", code);
      jdbc.update("DELETE s FROM self_use_bookings s JOIN instruments i ON i.id = s.instrument_id WHERE i.unit_code = ?", code);
      jdbc.update("DELETE q FROM self_use_qualifications q JOIN instruments i ON i.id = q.instrument_id WHERE i.unit_code = ?", code);
      jdbc.update("DELETE r FROM instrument_self_use r JOIN instruments i ON i.id = r.instrument_id WHERE i.unit_code = ?", code);
      jdbc.update("DELETE FROM bookings WHERE unit_code = ?", code);
      jdbc.update("DELETE m FROM maintenance_windows m JOIN instruments i ON i.id = m.instrument_id WHERE i.unit_code = ?", code);
      jdbc.update("DELETE FROM instruments WHERE unit_code = ?", code);
      jdbc.update("DELETE FROM unit_assignments WHERE unit_code = ?", code);
      jdbc.update("DELETE FROM case_involvements WHERE involvement = ?", "unit:" + code);
      jdbc.update("DELETE FROM support_units WHERE code = ?", code);
    });
  }

  /** Runs the calls on as many threads, released together, and returns their results in order. */
  static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
    CyclicBarrier startTogether = new CyclicBarrier(calls.size());
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(pool.submit(() -> {
          startTogether.await(30, TimeUnit.SECONDS);
          return call.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many booking_slots rows the instrument has. */
  int slotRows(long instrumentId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM booking_slots WHERE instrument_id = ?", Integer.class, instrumentId);
  }

  /** No slot of any instrument is held twice, and no two live bookings of an instrument overlap in time. */
  void assertNoSlotTakenTwice() {
    assertThat(jdbc.queryForObject(
            "SELECT COUNT(*) FROM (SELECT instrument_id, slot_start FROM booking_slots"
                + " GROUP BY instrument_id, slot_start HAVING COUNT(*) > 1) twice",
            Integer.class))
        .isZero();
    assertThat(jdbc.queryForObject(
            "SELECT COUNT(*) FROM bookings a JOIN bookings b ON a.instrument_id = b.instrument_id AND a.id < b.id"
                + " WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'"
                + " AND a.slot_start < b.slot_end AND b.slot_start < a.slot_end",
            Integer.class))
        .isZero();
  }
}
