package org.madoguchi.common.outbox;

import java.time.Duration;
import java.time.Instant;

/** How long an outbox entry waits after a failed attempt: {@code first}, doubling per failure, at most {@code max}. */
public record Backoff(Duration first, Duration max) {

  /** When to try again after the {@code failures}-th failure at {@code now}. */
  Instant nextAttempt(int failures, Instant now) {
    long seconds = Math.min(max.toSeconds(), first.toSeconds() << Math.min(failures - 1, 20));
    return now.plusSeconds(seconds);
  }
}
