package org.madoguchi.common.schedule;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scheduled work shared by every application instance: each instance's scheduler fires, and a row of
 * {@code scheduled_runs} per job lets one of them do each run. A run is a period of a job (the digest
 * of a day, the sweep of a ten-minute window): the first instance to claim the period does it and marks
 * it done, so no instance repeats it; another takes it over only once the claim's lease ran out without
 * the run being done (its instance died). A period before the job's latest is never claimed: a firing
 * that reaches the database late (its instance paused or starved) cannot repeat a run already done, so
 * periods must sort as text in time order (days as {@code 2026-11-29}, windows from {@link #window}).
 * Each claim and completion is one atomic update.
 *
 * <p>Every {@code @Scheduled} method goes through {@link #runOnce} unless it is marked
 * {@link EveryInstance} (ScheduledWorkTest checks it).
 */
@Component
public class ScheduledRuns {

  private final JdbcTemplate jdbc;
  private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
  private final Set<String> knownJobs = ConcurrentHashMap.newKeySet();

  ScheduledRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Does {@code work} if this instance claims the run {@code job} of {@code period} (for {@code lease}
   * from {@code now}); returns its result, or empty when another instance has or had that run. Work
   * that throws leaves the run undone and unclaimed, so the next firing on any instance tries again.
   */
  public <T> Optional<T> runOnce(String job, String period, Instant now, Duration lease, Supplier<T> work) {
    if (!claim(job, period, now, lease)) {
      return Optional.empty();
    }
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      release(job, period);
      throw e;
    }
    complete(job, period);
    return Optional.of(result);
  }

  /**
   * The window of length {@code every} that {@code now} falls in (aligned on the epoch), as a run's
   * period. Whole seconds only: the text then always has one width and sorts in time order.
   */
  public static String window(Instant now, Duration every) {
    if (every.getNano() != 0 || !every.isPositive()) {
      throw new IllegalArgumentException("A window is a positive number of whole seconds: " + every);
    }
    long length = every.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length).toString();
  }

  private boolean claim(String job, String period, Instant now, Duration lease) {
    if (knownJobs.add(job)) {
      jdbc.update("insert ignore into scheduled_runs (name) values (?)", job);
    }
    return jdbc.update(
            """
            update scheduled_runs set period = ?, done = false, claimed_by = ?, lease_until = ?
             where name = ?
               and (period < ? or period = ? and done = false)
               and (done = true or lease_until is null or lease_until < ?)
            """,
            period, holder, Timestamp.from(now.plus(lease)), job, period, period, Timestamp.from(now))
        == 1;
  }

  private void complete(String job, String period) {
    jdbc.update(
        "update scheduled_runs set done = true, lease_until = null where name = ? and period = ? and claimed_by = ?",
        job, period, holder);
  }

  private void release(String job, String period) {
    jdbc.update(
        "update scheduled_runs set lease_until = null where name = ? and period = ? and claimed_by = ? and done = false",
        job, period, holder);
  }
}
