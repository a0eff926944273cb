package org.madoguchi.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.RowLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every connection waits for a row lock at most the configured 10 s (not InnoDB's 50), and the failure
 * is one a job worker retries with backoff.
 */
@MadoguchiIT
class LockWaitTimeoutIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void connectionsWaitForALockOnlyTheConfiguredTime() {
    assertThat(jdbc.queryForObject("select @@session.innodb_lock_wait_timeout", Integer.class)).isEqualTo(10);
  }

  @Test
  void aLockWaitTimeoutIsATransientFailure() throws Exception {
    jdbc.update("insert into test_parcels (label, created_at, next_attempt_at, sent_at) values ('lock-wait', now(6), now(6), now(6))");
    long id = jdbc.queryForObject("select max(id) from test_parcels where label = 'lock-wait'", Long.class);
    try (RowLock lock = RowLock.hold(transactions, jdbc, "select id from test_parcels where id = ? for update", id)) {
      Throwable waited = catchThrowable(() -> transactions.executeWithoutResult(status ->
          jdbc.queryForObject("select id from test_parcels where id = ? for update", Long.class, id)));
      assertThat(waited).hasMessageContaining("Lock wait timeout");
      assertThat(TransientFailureRetries.isTransient(waited)).isTrue();
    }
  }
}
