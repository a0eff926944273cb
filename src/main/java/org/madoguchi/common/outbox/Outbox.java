package org.madoguchi.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.madoguchi.common.schedule.EveryInstance;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: one {@link OutboxRelay} per {@link Courier}, run right after each commit that queued an
 * entry and on a sweep every {@code madoguchi.outbox.sweep-interval} (retries that are due, leases of a
 * relay that died).
 */
@Service
public class Outbox {

  private final Map<Class<?>, OutboxRelay<?>> relays;

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
  }

  @Async
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onQueued(OutboxQueued event) {
    relays.get(event.entryType()).relayDue();
  }

  @Scheduled(fixedDelayString = "${madoguchi.outbox.sweep-interval:PT2S}")
  @EveryInstance("each relay claims its batch FOR UPDATE SKIP LOCKED under a lease: instances take disjoint entries")
  void sweep() {
    relays.values().forEach(OutboxRelay::relayDue);
  }

  /** How many entries, of every kind, are given up on and wait for an operator (see their last error). */
  public long deadLetters() {
    return relays.values().stream().mapToLong(OutboxRelay::deadLetters).sum();
  }
}
