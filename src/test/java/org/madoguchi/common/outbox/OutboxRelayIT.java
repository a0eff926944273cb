package org.madoguchi.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/** The relay on real MariaDB, with a clock and a courier of the test's own, on a kind no feature relays. */
@MadoguchiIT
@ExtendWith(OutputCaptureExtension.class)
class OutboxRelayIT {

  private static final Duration LEASE = Duration.ofMinutes(5);

  @Autowired EntityManager entities;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  private final MovableClock clock = new MovableClock(Instant.parse("2030-04-01T00:00:00Z"));
  private final OutboxProperties settings = new OutboxProperties(3, LEASE, 5);

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("delete from test_parcels");
  }

  @Test
  void claimsInOneTransactionDeliversOutsideAnyAndMarksEachSent() {
    List<Long> ids = queue(7);
    Queue<Boolean> claimCommittedAndUnlocked = new ConcurrentLinkedQueue<>();
    RecordingCourier courier = new RecordingCourier(parcel ->
        // from another connection: the claim is visible (committed) and the row is not locked (NOWAIT)
        claimCommittedAndUnlocked.add(jdbc.queryForObject(
            "select claimed_by is not null from test_parcels where id = ? for update nowait", Boolean.class, parcel.id())));

    assertThat(relay(courier).relayDue()).isEqualTo(7);

    assertThat(courier.delivered).containsExactlyElementsOf(ids);
    assertThat(courier.inTransaction).hasSize(7).containsOnly(false);
    assertThat(claimCommittedAndUnlocked).hasSize(7).containsOnly(true);
    ids.forEach(id -> {
      TestParcel parcel = load(id);
      assertThat(parcel.sentAt()).isEqualTo(clock.instant());
      assertThat(parcel.attempts()).isZero();
    });
    assertThat(jdbc.queryForObject("select count(*) from test_parcels where claimed_by is not null", Integer.class)).isZero();
    assertThat(relay(courier).relayDue()).isZero();
  }

  @Test
  void aFailedDeliveryIsRetriedWithExponentialBackoff() {
    long id = queue(1).getFirst();
    AtomicInteger calls = new AtomicInteger();
    RecordingCourier courier = new RecordingCourier(parcel -> {
      if (calls.incrementAndGet() <= 2) {
        throw new IOException("421 try later");
      }
    });
    OutboxRelay<TestParcel> relay = relay(courier);

    assertThat(relay.relayDue()).isOne();
    TestParcel failed = load(id);
    assertThat(failed.attempts()).isOne();
    assertThat(failed.lastError()).isEqualTo("421 try later");
    assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));
    assertThat(relay.relayDue()).as("not due before its backoff").isZero();

    clock.advance(Duration.ofSeconds(10));
    assertThat(relay.relayDue()).isOne();
    assertThat(load(id).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(20));

    clock.advance(Duration.ofSeconds(20));
    assertThat(relay.relayDue()).isOne();
    TestParcel sent = load(id);
    assertThat(sent.sentAt()).isEqualTo(clock.instant());
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.lastError()).isNull();
    assertThat(courier.delivered).hasSize(3);
  }

  @Test
  void afterTheLastAttemptAnEntryIsDeadLetteredWithItsReasonAndNeverTriedAgain(CapturedOutput output) {
    long id = queue(1).getFirst();
    RecordingCourier courier = new RecordingCourier(parcel -> {
      throw new IOException("550 mailbox unavailable");
    });
    OutboxRelay<TestParcel> relay = relay(courier);
    Instant start = clock.instant();

    for (int i = 0; i < 6; i++) {
      relay.relayDue();
      clock.advance(TestParcel.BACKOFF.max());
    }

    assertThat(courier.delivered).hasSize(settings.maxAttempts());
    TestParcel dead = load(id);
    assertThat(dead.deadAt()).isEqualTo(start.plus(TestParcel.BACKOFF.max().multipliedBy(2)));
    assertThat(dead.lastError()).isEqualTo("550 mailbox unavailable");
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.sentAt()).isNull();
    assertThat(relay.deadLetters()).isOne();
    assertThat(StringUtils.countOccurrencesOf(output.getAll(), "TestParcel " + id + " failed 3 times and is given up")).isOne();
  }

  @Test
  void theLeaseOfARelayThatDiedMidDeliveryExpiresAndAnotherRelayDeliversTheEntry() {
    long id = queue(1).getFirst();
    OutboxRelay<TestParcel> dying = relay(new RecordingCourier(parcel -> {
      throw new ProcessDied();
    }));
    RecordingCourier courier = new RecordingCourier(parcel -> {});
    OutboxRelay<TestParcel> survivor = relay(courier);

    assertThatThrownBy(dying::relayDue).isInstanceOf(ProcessDied.class);
    assertThat(survivor.relayDue()).as("still leased").isZero();
    clock.advance(LEASE.minusSeconds(1));
    assertThat(survivor.relayDue()).as("still leased").isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(survivor.relayDue()).isOne();
    assertThat(courier.delivered).containsExactly(id);
    assertThat(load(id).sentAt()).isEqualTo(clock.instant());
    assertThat(load(id).attempts()).isZero();
  }

  @Test
  void aRelayWhoseLeaseRanOutCannotUndoTheDeliveryOfTheRelayThatTookOver() throws Exception {
    long id = queue(1).getFirst();
    CountDownLatch delivering = new CountDownLatch(1);
    CountDownLatch takenOver = new CountDownLatch(1);
    OutboxRelay<TestParcel> slow = relay(new RecordingCourier(parcel -> {
      delivering.countDown();
      takenOver.await(30, TimeUnit.SECONDS);
      throw new IOException("timed out");
    }));
    RecordingCourier courier = new RecordingCourier(parcel -> {});

    CompletableFuture<Integer> slowRun = CompletableFuture.supplyAsync(slow::relayDue);
    assertThat(delivering.await(30, TimeUnit.SECONDS)).isTrue();
    clock.advance(LEASE);
    assertThat(relay(courier).relayDue()).isOne();
    Instant sentAt = clock.instant();
    takenOver.countDown();
    slowRun.get(30, TimeUnit.SECONDS);

    TestParcel parcel = load(id);
    assertThat(parcel.sentAt()).isEqualTo(sentAt);
    assertThat(parcel.attempts()).isZero();
    assertThat(parcel.lastError()).isNull();
  }

  @Test
  void twoRelaysOnTwoThreadsEachDeliverEveryEntryExactlyOnce() {
    List<Long> ids = queue(50);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    RecordingCourier courier = new RecordingCourier(parcel -> {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      Thread.sleep(20);
      inFlight.decrementAndGet();
    });
    OutboxRelay<TestParcel> one = relay(courier);
    OutboxRelay<TestParcel> two = relay(courier);

    int attempted;
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      List<CompletableFuture<Integer>> runs = Stream.of(one, one, two, two)
          .map(relay -> CompletableFuture.supplyAsync(() -> {
            awaitQuietly(start);
            return relay.relayDue();
          }, threads))
          .toList();
      start.countDown();
      attempted = runs.stream().mapToInt(CompletableFuture::join).sum();
    }

    assertThat(attempted).isEqualTo(50);
    assertThat(courier.delivered).hasSize(50).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    assertThat(mostInFlight.get()).as("deliveries overlapped").isGreaterThan(1);
    assertThat(courier.inTransaction).containsOnly(false);
    assertThat(jdbc.queryForObject("select count(*) from test_parcels where sent_at is not null", Integer.class)).isEqualTo(50);
  }

  private OutboxRelay<TestParcel> relay(RecordingCourier courier) {
    return new OutboxRelay<>(courier, entities, transactions, clock, settings);
  }

  private List<Long> queue(int count) {
    List<Long> ids = new ArrayList<>();
    transactions.executeWithoutResult(status -> IntStream.range(0, count).forEach(i -> {
      TestParcel parcel = new TestParcel("parcel " + i, clock.instant());
      entities.persist(parcel);
      ids.add(parcel.id());
    }));
    return ids;
  }

  private TestParcel load(long id) {
    return transactions.execute(status -> entities.find(TestParcel.class, id));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the courier does with a parcel after recording it. */
  interface Behaviour {
    void on(TestParcel parcel) throws Exception;
  }

  /** Records each delivery, and whether a transaction was open on the delivering thread. */
  static final class RecordingCourier implements Courier<TestParcel> {

    final Queue<Long> delivered = new ConcurrentLinkedQueue<>();
    final Queue<Boolean> inTransaction = new ConcurrentLinkedQueue<>();
    private final Behaviour behaviour;

    RecordingCourier(Behaviour behaviour) {
      this.behaviour = behaviour;
    }

    @Override
    public Class<TestParcel> entryType() {
      return TestParcel.class;
    }

    @Override
    public void deliver(TestParcel parcel) throws Exception {
      delivered.add(parcel.id());
      inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
      behaviour.on(parcel);
    }
  }

  /** Stands for the relay's process dying mid-delivery: not an Exception, so nothing records a failure. */
  static final class ProcessDied extends Error {}

  static final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
