package org.madoguchi.tasks;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A scheduled run shared by every application instance (a row of {@code scheduled_runs}): the first
 * instance to claim a period (a day's digest) does it; another takes over only once the claim's lease
 * ran out without the run being done. Each claim and completion is one atomic update.
 */
@Component
class ScheduledRuns {

  private final JdbcTemplate jdbc;
  private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

  ScheduledRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether this instance now holds the run {@code name} of {@code period}, until {@code now + lease}. */
  boolean claim(String name, String period, Instant now, Duration lease) {
    return jdbc.update(
            """
            update scheduled_runs set period = ?, done = false, claimed_by = ?, lease_until = ?
             where name = ?
               and (period <> ? or done = false)
               and (done = true or lease_until is null or lease_until < ?)
            """,
            period, holder, Timestamp.from(now.plus(lease)), name, period, Timestamp.from(now))
        == 1;
  }

  /** Marks the claimed run done, so no instance repeats it for the same period. */
  void complete(String name, String period) {
    jdbc.update(
        "update scheduled_runs set done = true, lease_until = null where name = ? and period = ? and claimed_by = ?",
        name, period, holder);
  }
}
