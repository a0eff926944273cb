package org.madoguchi.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.madoguchi.common.schedule.EveryInstance;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: one {@link OutboxRelay} per {@link Courier}, each on its own {@link RelayLane}, run
 * right after each commit that queued an entry and on a sweep every {@code madoguchi.outbox.sweep-interval}
 * (retries that are due, leases of a relay that died).
 */
@Service
public class Outbox {

  private final Map<Class<?>, OutboxRelay<?>> relays;
  private final Map<Class<?>, RelayLane> lanes;

  Outbox(
      List<Courier<?>> couriers,
      EntityManager entities,
      TransactionTemplate transactions,
      Clock clock,
      OutboxProperties settings,
      MeterRegistry meters) {
    this.relays = couriers.stream()
        .collect(Collectors.toUnmodifiableMap(
            Courier::entryType, courier -> new OutboxRelay<>(courier, entities, transactions, clock, settings)));
    relays.values().forEach(relay ->
        Gauge.builder("madoguchi.outbox.dead.letters", relay, OutboxRelay::deadLetters)
            .description("Outbox entries given up on after the last attempt")
            .tag("kind", relay.kind())
            .register(meters));
    this.lanes = relays.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> new RelayLane(entry.getValue())));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onQueued(OutboxQueued event) {
    lanes.get(event.entryType()).requestRun();
  }

  @Scheduled(fixedDelayString = "${madoguchi.outbox.sweep-interval:PT2S}")
  @EveryInstance("each relay claims its batch FOR UPDATE SKIP LOCKED under a lease: instances take disjoint entries")
  void sweep() {
    lanes.values().forEach(RelayLane::requestRun);
  }

  @PreDestroy
  void stop() {
    lanes.values().forEach(RelayLane::close);
  }

  /** How many entries, of every kind, are given up on and wait for an operator (see their last error). */
  public long deadLetters() {
    return relays.values().stream().mapToLong(OutboxRelay::deadLetters).sum();
  }
}
