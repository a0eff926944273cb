package org.madoguchi.common.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;

/** Claims of scheduled runs against MariaDB, as instances firing at different moments make them. */
@MadoguchiIT
class ScheduledRunsIT {

  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Autowired ScheduledRuns runs;

  @Test
  void aRunDoneIsNotRepeatedNorIsAnEarlierPeriodOnceALaterOneRan() {
    String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
    Instant first = Instant.parse("2026-11-29T10:00:59Z");
    Instant second = Instant.parse("2026-11-29T10:01:00Z");

    assertThat(runs.runOnce(job, ScheduledRuns.window(first, MINUTE), first, LEASE, () -> "first")).contains("first");
    assertThat(runs.runOnce(job, ScheduledRuns.window(first, MINUTE), first, LEASE, () -> "again")).isEmpty();
    assertThat(runs.runOnce(job, ScheduledRuns.window(second, MINUTE), second, LEASE, () -> "second")).contains("second");
    // An instance that read the clock in the first window and reached the database only now.
    assertThat(runs.runOnce(job, ScheduledRuns.window(first, MINUTE), second, LEASE, () -> "late")).isEmpty();
  }

  @Test
  void aRunWhoseWorkFailedIsTakenUpByTheNextFiring() {
    String job = "test-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.parse("2026-11-29T10:00:00Z");
    String period = ScheduledRuns.window(now, MINUTE);

    try {
      runs.runOnce(job, period, now, LEASE, () -> {
        throw new IllegalStateException("mail server down");
      });
    } catch (IllegalStateException expected) {
      // the run stays undone
    }
    assertThat(runs.runOnce(job, period, now, LEASE, () -> "retried")).contains("retried");
  }

  @Test
  void windowsAreWholeSeconds() {
    assertThat(ScheduledRuns.window(Instant.parse("2026-11-29T10:00:00.750Z"), Duration.ofSeconds(1))).isEqualTo("2026-11-29T10:00:00Z");
    assertThatIllegalArgumentException().isThrownBy(() -> ScheduledRuns.window(Instant.EPOCH, Duration.ofMillis(500)));
  }
}
