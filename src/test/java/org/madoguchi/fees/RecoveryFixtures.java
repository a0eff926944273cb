package org.madoguchi.fees;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.testsupport.CaseFixtures;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost recovery tests' world (a plain object): cryo-EM instruments of units of their own, staff, and
 * cases with one recorded session each whose statement is assessed, sent and accepted through the fees
 * services, without the engine.
 */
final class RecoveryFixtures {

  static final String PASSWORD = "recovery password 1";
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final JdbcTemplate jdbc;
  private final Accounts accounts;
  private final FeeAssessments assessments;
  private final StatementDelivery delivery;
  private final StatementResponses responses;
  private final CaseFixtures cases;

  RecoveryFixtures(
      JdbcTemplate jdbc, Accounts accounts, FeeAssessments assessments, StatementDelivery delivery, StatementResponses responses) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.assessments = assessments;
    this.delivery = delivery;
    this.responses = responses;
    this.cases = new CaseFixtures(jdbc);
  }

  /** A cryo-EM instrument (upkeep 41,000 yen an hour) of a unit of its own, named {@code <unit> Krios}. */
  long instrument() {
    return cases.cryoEmInstrument();
  }

  String unitOf(long instrument) {
    return jdbc.queryForObject("select unit_code from instruments where id = ?", String.class, instrument);
  }

  String staff(String who, String language, StaffGroup group) {
    String email = who + "-" + CaseFixtures.uniqueId() + "@madoguchi.example";
    Account account = accounts.ensure(email, PASSWORD, who, language, Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
    return email;
  }

  /** A case of the category with one session on the instrument, assessed at the given rates per item kind, sent and accepted. */
  void acceptedCase(String category, long instrument, LocalDateTime start, String hours, Map<String, String> rates) {
    long caseId = sentCase(category, instrument, start, hours, rates);
    String email = jdbc.queryForObject("select email from cases where id = ?", String.class, caseId);
    responses.respond(cases.caseNumberOf(caseId), cases.accountIdOf(email), new StatementResponseRequest("accept", null, 1));
  }

  /** A case as above whose statement awaits the applicant's answer; returns its id. */
  long sentCase(String category, long instrument, LocalDateTime start, String hours, Map<String, String> rates) {
    long caseId = sessionCase(category, instrument, start, hours);
    List<FeeItem> items = assessments.prepare(caseId);
    List<FeeRule> rules = items.stream()
        .map(item -> new FeeRule(new BigDecimal(rates.getOrDefault(item.itemKind(), "1")), "recovery-test-" + item.itemKind()))
        .toList();
    long statement = assessments.assess(caseId, items, rules).statementId();
    delivery.send(caseId, statement, null, CaseFixtures.uniqueId());
    return caseId;
  }

  /**
   * A case of a new applicant in support, with one completed session on the instrument starting at
   * {@code start} (Tokyo), booked for four hours: upkeep and operator time for {@code hours}, and two reagents.
   */
  private long sessionCase(String category, long instrument, LocalDateTime start, String hours) {
    String email = "recovery-" + CaseFixtures.uniqueId() + "@lab.example.ac.jp";
    accounts.ensure(email, PASSWORD, "Recovery Applicant", "en", Set.of(Role.APPLICANT));
    long caseId = cases.file(email, "IN_SUPPORT", category, "open");
    long key = CaseFixtures.uniqueId();
    Instant from = start.atZone(TOKYO).toInstant();
    Timestamp to = Timestamp.from(from.plus(Duration.ofHours(4)));
    jdbc.update(
        "INSERT INTO bookings (case_id, unit_code, instrument_id, process_instance_key, element_instance_key, requested_hours,"
            + " slot_start, slot_end, status, created_at, updated_at)"
            + " SELECT ?, unit_code, id, ?, ?, 4, ?, ?, 'COMPLETED', ?, ? FROM instruments WHERE id = ?",
        caseId, key, key, Timestamp.from(from), to, to, to, instrument);
    jdbc.update(
        "INSERT INTO usage_records (booking_id, case_id, unit_code, instrument_id, actual_hours, dataset_count, recorded_at)"
            + " SELECT id, case_id, unit_code, instrument_id, ?, 0, slot_end FROM bookings WHERE element_instance_key = ?",
        new BigDecimal(hours), key);
    long record = jdbc.queryForObject(
        "SELECT r.id FROM usage_records r JOIN bookings b ON b.id = r.booking_id WHERE b.element_instance_key = ?", Long.class, key);
    cases.usageItem(record, 1, "instrument-upkeep", "Krios", hours, 41_000);
    cases.usageItem(record, 2, "operator-time", "Operator time: Krios", hours, 8_000);
    cases.usageItem(record, 3, "reagent", "Grids", "2", 9_999);
    return caseId;
  }
}
