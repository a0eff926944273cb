package org.madoguchi.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.common.outbox.OutboxRelayIT.RecordingCourier;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A receiver that hangs holds only its own lane: asking for runs never waits for it. */
@MadoguchiIT
class RelayLaneIT {

  @Autowired EntityManager entities;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("delete from test_parcels");
  }

  @Test
  void runsAskedForWhileTheReceiverHangsReturnAtOnceAndCollapseIntoOneLaterRun() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    CountDownLatch answers = new CountDownLatch(1);
    RecordingCourier courier = new RecordingCourier(parcel -> {
      hanging.countDown();
      answers.await(30, TimeUnit.SECONDS);
    });
    long first = queue("first");
    try (RelayLane lane = new RelayLane(new OutboxRelay<>(courier, entities, transactions, clock,
        new OutboxProperties(3, Duration.ofMinutes(5), 5)))) {
      lane.requestRun();
      assertThat(hanging.await(30, TimeUnit.SECONDS)).isTrue();

      long second = queue("second");
      for (int i = 0; i < 10; i++) {
        lane.requestRun();
      }
      assertThat(courier.delivered).as("the caller did not run the relay itself").containsExactly(first);

      answers.countDown();
      await().atMost(Duration.ofSeconds(30)).until(() -> courier.delivered.size() == 2);
      assertThat(courier.delivered).containsExactly(first, second);
    }
  }

  private long queue(String name) {
    return transactions.execute(status -> {
      TestParcel parcel = new TestParcel(name, clock.instant());
      entities.persist(parcel);
      return parcel.id();
    });
  }
}
