package org.madoguchi.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files cases directly in a given state, without a process instance, so a test of a later step is not
 * raced by the engine running the earlier ones.
 */
public final class CaseFixtures {

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

  public static long uniqueId() {
    return 7_000_000_000L + SEQUENCE.incrementAndGet();
  }

  private static String caseNumber() {
    return "TEST-" + SEQUENCE.incrementAndGet();
  }
}
