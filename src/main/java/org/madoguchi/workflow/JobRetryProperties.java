package org.madoguchi.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a job whose handler met a transient infrastructure failure (database unreachable, lock wait
 * timeout, engine unavailable) is offered again: after {@code first}, doubling per failure, at most
 * {@code max}; the first {@code freeAttempts} such failures of one job leave its retries untouched, so
 * an outage does not use up the model's retries. With the defaults the free attempts span about nine
 * minutes (5 s, 10 s, 20 s, 40 s, then a minute each), well beyond a three-minute database outage.
 * Other failures keep the model's retries and the engine's immediate retry.
 *
 * @param first the wait after the first transient failure
 * @param max the longest wait
 * @param freeAttempts transient failures of one job that do not count against its retries
 */
@ConfigurationProperties("madoguchi.jobs.transient-retry")
public record JobRetryProperties(
    @DefaultValue("PT5S") Duration first,
    @DefaultValue("PT1M") Duration max,
    @DefaultValue("12") int freeAttempts) {

  /** The wait after the {@code failure}-th transient failure of a job (1 for the first). */
  Duration backoff(int failure) {
    Duration doubled = first.multipliedBy(1L << Math.min(failure - 1, 20));
    return doubled.compareTo(max) > 0 ? max : doubled;
  }
}
