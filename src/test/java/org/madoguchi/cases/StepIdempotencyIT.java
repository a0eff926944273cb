package org.madoguchi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Jobs arrive at least once: the case steps run twice change the case file once. */
@MadoguchiIT
class StepIdempotencyIT {

  @Autowired Accounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseRegistration registration;
  @Autowired CaseEndings endings;

  @Test
  void registeringTwiceWithTheSameInstanceIsOneRegistrationAndAnotherInstanceIsADuplicate() {
    long caseId = submittedCase();

    CaseRegistration.Registration first = registration.register(caseId, 42_000_001L);
    CaseRegistration.Registration again = registration.register(caseId, 42_000_001L);
    CaseRegistration.Registration other = registration.register(caseId, 42_000_002L);

    assertThat(first.duplicate()).isFalse();
    assertThat(again.duplicate()).isFalse();
    assertThat(again.variables().get("taskPriority")).isEqualTo(first.variables().get("taskPriority"));
    assertThat(other.duplicate()).isTrue();
    assertThat(count("select count(*) from case_events where case_id = ? and action = 'registered'", caseId)).isEqualTo(1);
    assertThat(count("select count(*) from mail_outbox where case_id = ? and template = 'case-confirmation'", caseId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select process_instance_key from cases where id = ?", Long.class, caseId)).isEqualTo(42_000_001L);
  }

  @Test
  void decliningTwiceDeclinesAndMailsOnce() {
    long caseId = fixtures().file(applicant(), "IN_CONSULTATION", "academic", "open");

    endings.decline(caseId, "Outside the platform's remit.");
    endings.decline(caseId, "Outside the platform's remit.");

    assertThat(fixtures().statusOf(caseId)).isEqualTo("DECLINED");
    assertThat(count("select count(*) from case_events where case_id = ? and action = 'declined'", caseId)).isEqualTo(1);
    assertThat(count("select count(*) from mail_outbox where case_id = ? and template = 'case-declined'", caseId)).isEqualTo(1);
  }

  @Test
  void aStepThatWouldSkipTheJourneyIsRefusedAndChangesNothing() {
    long caseId = fixtures().file(applicant(), "IN_CONSULTATION", "academic", "open");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> endings.close(caseId))
        .isInstanceOf(IllegalCaseTransitionException.class);

    assertThat(fixtures().statusOf(caseId)).isEqualTo("IN_CONSULTATION");
    assertThat(count("select count(*) from mail_outbox where case_id = ?", caseId)).isZero();
  }

  private long submittedCase() {
    return fixtures().file(applicant(), "SUBMITTED", "industry", "open");
  }

  private String applicant() {
    String email = "idem-" + System.nanoTime() + "@lab.example.ac.jp";
    accounts.ensure(email, "pw", "Idempotency Tester", "en", Set.of(Role.APPLICANT));
    return email;
  }

  private CaseFixtures fixtures() {
    return new CaseFixtures(jdbc);
  }

  private int count(String sql, long caseId) {
    List<Integer> result = jdbc.queryForList(sql, Integer.class, caseId);
    return result.getFirst();
  }
}
