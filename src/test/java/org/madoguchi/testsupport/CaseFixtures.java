package org.madoguchi.testsupport;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files cases directly in a given state, without a process instance, so a test of a later step is not
 * raced by the engine running the earlier ones.
 */
public final class CaseFixtures {

  /** The day of service of fixture usage: under the seeded fee table's current rates, before its announced change. */
  public static final LocalDate USED_ON = LocalDate.of(2026, 12, 1);

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  private final JdbcTemplate jdbc;

  public CaseFixtures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long accountIdOf(String email) {
    return jdbc.queryForObject("select id from accounts where email = ?", Long.class, email.toLowerCase());
  }

  /** A new case of the account in {@code status}; returns its id. */
  public long file(String email, String status, String applicantCategory, String confidentiality) {
    String caseNumber = caseNumber();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(
        """
        insert into cases (case_number, account_id, applicant_name, affiliation, email, applicant_category, language,
                           title, summary, aims, requested_services, confidentiality, data_policy_accepted_at, status,
                           submitted_at, updated_at)
        values (?, ?, '田中 葵', 'Example University', ?, ?, 'ja', 'Cryo-EM of an efflux pump',
                'Structure of a pump bound to an inhibitor candidate.', 'A map below 3 Å', 'cryo-em', ?, ?, ?, ?, ?)
        """,
        caseNumber, accountIdOf(email), email, applicantCategory, confidentiality, now, status, now, now);
    return jdbc.queryForObject("select id from cases where case_number = ?", Long.class, caseNumber);
  }

  public String caseNumberOf(long caseId) {
    return jdbc.queryForObject("select case_number from cases where id = ?", String.class, caseId);
  }

  public String statusOf(long caseId) {
    return jdbc.queryForObject("select status from cases where id = ?", String.class, caseId);
  }

  /** A cryo-EM instrument (upkeep 41,000 yen an hour) of a support unit of its own; returns its id. */
  public long cryoEmInstrument() {
    String unit = "fx-" + Long.toString(SEQUENCE.incrementAndGet(), 36);
    jdbc.update("INSERT INTO support_units (code, name_ja, name_en, description) VALUES (?, '試験', 'Test unit', 'fixture')", unit);
    String name = unit + " Krios";
    jdbc.update(
        "INSERT INTO instruments (unit_code, name, instrument_class, location, hourly_upkeep_yen, operator_assisted, active)"
            + " VALUES (?, ?, 'cryo-em', 'Test hall', 41000, TRUE, TRUE)",
        unit, name);
    return jdbc.queryForObject("SELECT id FROM instruments WHERE name = ?", Long.class, name);
  }

  /**
   * A completed three-hour booking of the case on the instrument, in a window of its own (no two such
   * bookings overlap), and its usage record (2.5 hours used); returns the record's id.
   */
  public long usageRecord(long caseId, long instrument) {
    long key = uniqueId();
    // 2000 to 2017: inside MariaDB's TIMESTAMP range (to 2038) for every key.
    Instant from = Instant.parse("2000-01-03T01:00:00Z").plus(Duration.ofHours(3 * (key % 50_000)));
    Timestamp start = Timestamp.from(from);
    Timestamp end = Timestamp.from(from.plus(Duration.ofHours(3)));
    jdbc.update(
        "INSERT INTO bookings (case_id, unit_code, instrument_id, process_instance_key, element_instance_key, requested_hours,"
            + " slot_start, slot_end, status, created_at, updated_at)"
            + " SELECT ?, unit_code, id, ?, ?, 3, ?, ?, 'COMPLETED', ?, ? FROM instruments WHERE id = ?",
        caseId, key, key, start, end, end, end, instrument);
    long booking = jdbc.queryForObject("SELECT id FROM bookings WHERE element_instance_key = ?", Long.class, key);
    jdbc.update(
        "INSERT INTO usage_records (booking_id, case_id, unit_code, instrument_id, actual_hours, dataset_count, recorded_at)"
            + " SELECT id, case_id, unit_code, instrument_id, 2.5, 0, slot_end FROM bookings WHERE id = ?",
        booking);
    return jdbc.queryForObject("SELECT id FROM usage_records WHERE booking_id = ?", Long.class, booking);
  }

  /**
   * A line of a usage record: {@code kind} is an item kind of the fee schedule (reagent, consumable ...), used
   * on {@link #USED_ON} (not the booking's day, which lies in the past only to keep bookings apart).
   */
  public void usageItem(long record, int line, String kind, String description, String quantity, long unitCostYen) {
    jdbc.update(
        "INSERT INTO usage_items (usage_record_id, line_no, case_id, unit_code, instrument_class, item_kind, description,"
            + " quantity, unit_cost_yen, used_on) SELECT id, ?, case_id, unit_code, 'cryo-em', ?, ?, ?, ?, ? FROM usage_records WHERE id = ?",
        line, kind, description, new BigDecimal(quantity), unitCostYen, USED_ON, record);
  }

  public static long uniqueId() {
    return 7_000_000_000L + SEQUENCE.incrementAndGet();
  }

  private static String caseNumber() {
    return "TEST-" + SEQUENCE.incrementAndGet();
  }
}
