package org.madoguchi.common.outbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Delivers one kind of outbox entry in three steps, so that no transaction stays open while the
 * receiver is called: claim (a short transaction takes due entries {@code FOR UPDATE SKIP LOCKED}
 * and leases them), deliver (outside any transaction), mark (a short transaction per entry: sent,
 * or failed with backoff, dead-lettered after the last attempt). Delivery is at least once: a relay
 * that dies mid-batch leaves leases that expire, and the entries are delivered again.
 */
final class OutboxRelay<T extends OutboxEntry> {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final Courier<T> courier;
  private final EntityManager entities;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final OutboxProperties settings;
  private final String kind;

  OutboxRelay(
      Courier<T> courier,
      EntityManager entities,
      TransactionTemplate transactions,
      Clock clock,
      OutboxProperties settings) {
    this.courier = courier;
    this.entities = entities;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
    this.kind = entities.getMetamodel().entity(courier.entryType()).getName();
  }

  /** Delivers every due entry, a batch at a time; returns how many were attempted. */
  int relayDue() {
    // Inside a transaction the claim would not commit before delivery, and the lock would be held through it.
    Assert.state(!TransactionSynchronizationManager.isActualTransactionActive(), "the outbox is relayed outside transactions");
    int attempted = 0;
    List<T> batch;
    do {
      String claim = UUID.randomUUID().toString();
      batch = claim(claim);
      batch.forEach(entry -> deliver(entry, claim));
      attempted += batch.size();
    } while (batch.size() == settings.batchSize());
    return attempted;
  }

  /** Entries given up on: never tried again automatically, each with its last error. */
  long deadLetters() {
    return entities
        .createQuery("select count(e) from " + kind + " e where e.delivery.deadAt is not null", Long.class)
        .getSingleResult();
  }

  String kind() {
    return kind;
  }

  /** Due entries, leased to this claim; SKIP LOCKED lets concurrent relays take disjoint batches. */
  private List<T> claim(String claim) {
    return transactions.execute(status -> {
      Instant now = clock.instant();
      List<T> due = entities
          .createQuery("select e from " + kind + " e where e.delivery.sentAt is null and e.delivery.deadAt is null"
              + " and e.delivery.nextAttemptAt <= :now order by e.id", courier.entryType())
          .setParameter("now", now)
          .setMaxResults(settings.batchSize())
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
          .getResultList();
      due.forEach(entry -> entry.delivery().claim(claim, now.plus(settings.lease())));
      return due;
    });
  }

  private void deliver(T entry, String claim) {
    try {
      courier.deliver(entry);
    } catch (Exception e) {
      markFailed(entry.id(), claim, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
      return;
    }
    transactions.executeWithoutResult(status -> {
      T row = locked(entry.id());
      // Delivered twice (a lease ran out mid-delivery): the first time counts.
      if (row.sentAt() == null) {
        row.delivery().sent(clock.instant());
      }
    });
  }

  private void markFailed(long id, String claim, String error) {
    T failed = transactions.execute(status -> {
      T row = locked(id);
      // Sent meanwhile by another relay, or taken over by one after this claim's lease ran out: theirs now.
      if (!row.delivery().isClaimedBy(claim)) {
        return null;
      }
      Instant now = clock.instant();
      row.markFailed(error, now);
      if (row.attempts() >= settings.maxAttempts()) {
        row.delivery().dead(now);
      }
      return row;
    });
    if (failed == null) {
      return;
    }
    if (failed.deadAt() != null) {
      log.error("{} {} failed {} times and is given up; it stays in the outbox with its last error: {}",
          kind, id, failed.attempts(), error);
    } else {
      log.warn("{} {} failed (attempt {}), next try at {}: {}", kind, id, failed.attempts(), failed.nextAttemptAt(), error);
    }
  }

  private T locked(long id) {
    return entities.find(courier.entryType(), id, LockModeType.PESSIMISTIC_WRITE);
  }
}
