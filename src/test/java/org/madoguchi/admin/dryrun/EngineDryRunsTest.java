package org.madoguchi.admin.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.DryRuns.DryRunReport;
import org.madoguchi.admin.DryRuns.JourneyResult;
import org.madoguchi.admin.ModelFile;
import org.springframework.context.support.ResourceBundleMessageSource;

/** One dry run at a time, and the answers that need no engine. */
class EngineDryRunsTest {

  private final EngineDryRuns dryRuns = new EngineDryRuns(messages(), Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(20));

  @Test
  void aSecondDryRunWhileOneRunsIsAnsweredBusy() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // The first run holds its turn while it reads the deployed models, until released.
    List<ModelFile> slowDeployed = new AbstractList<>() {
      @Override
      public ModelFile get(int index) {
        throw new IndexOutOfBoundsException(index);
      }

      @Override
      public int size() {
        reading.countDown();
        await(release);
        return 0;
      }
    };
    CompletableFuture<DryRunReport> first = CompletableFuture.supplyAsync(() -> dryRuns.run(List.of(), slowDeployed, Locale.ENGLISH));
    await(reading);

    DryRunReport second = dryRuns.run(List.of(), List.of(), Locale.JAPANESE);
    release.countDown();

    assertThat(second.journeys()).singleElement().satisfies(result -> {
      assertThat(result.name()).isEqualTo("busy");
      assertThat(result.completed()).isFalse();
      assertThat(result.problem()).isEqualTo("このインスタンスでは別のドライランを実行中です。1分ほどしてからもう一度お試しください。");
    });
    assertThat(first.get(30, TimeUnit.SECONDS).journeys()).extracting(JourneyResult::problem)
        .containsExactly("The upload and the deployed models hold no BPMN, DMN or form file to deploy.");
    assertThat(dryRuns.run(List.of(new ModelFile("info-reply.en.json", new byte[0])), List.of(), Locale.ENGLISH).journeys())
        .extracting(JourneyResult::name).containsExactly("deployment");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/admin-dryrun");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
