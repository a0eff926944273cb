package org.madoguchi.common.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Several instances run the same schedulers: every {@code @Scheduled} method must either go through
 * {@link ScheduledRuns#runOnce} (itself or through methods of its own class) or say, with
 * {@link EveryInstance}, why running on every instance is correct.
 */
class ScheduledWorkTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.madoguchi");

  @Test
  void everyScheduledMethodRunsOnceAcrossInstancesOrSaysWhyNot() {
    List<JavaMethod> scheduled =
        MAIN.stream().flatMap(c -> c.getMethods().stream()).filter(m -> m.isAnnotatedWith(Scheduled.class)).toList();

    assertThat(scheduled).as("scheduled methods found").isNotEmpty();
    assertThat(scheduled)
        .filteredOn(m -> !m.isAnnotatedWith(EveryInstance.class) && !reachesRunOnce(m, new HashSet<>()))
        .as("@Scheduled methods neither claiming their run through ScheduledRuns.runOnce nor marked @EveryInstance")
        .isEmpty();
  }

  @Test
  void theOutboxSweepRunsEverywhereAndTheStaffNoticesOnce() {
    assertThat(MAIN.get("org.madoguchi.common.outbox.Outbox").getMethod("sweep").isAnnotatedWith(EveryInstance.class)).isTrue();
    JavaMethod digest = MAIN.get("org.madoguchi.tasks.NoticeSchedule").getMethod("dailyDigest");
    assertThat(reachesRunOnce(digest, new HashSet<>())).isTrue();
  }

  private static boolean reachesRunOnce(JavaMethod method, Set<JavaMethod> seen) {
    if (!seen.add(method)) {
      return false;
    }
    return method.getMethodCallsFromSelf().stream()
        .anyMatch(call -> {
          if (call.getTargetOwner().isEquivalentTo(ScheduledRuns.class) && call.getName().equals("runOnce")) {
            return true;
          }
          return call.getTargetOwner().equals(method.getOwner())
              && call.getTarget().resolveMember().map(target -> reachesRunOnce(target, seen)).orElse(false);
        });
  }
}
