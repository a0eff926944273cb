package org.madoguchi.testsupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A row locked {@code FOR UPDATE} by another transaction, on a thread of its own, until closed. */
public final class RowLock implements AutoCloseable {

  private final CountDownLatch release = new CountDownLatch(1);
  private final CompletableFuture<Void> holder;

  private RowLock(TransactionTemplate transactions, JdbcTemplate jdbc, String lockingQuery, Object... arguments)
      throws InterruptedException {
    CountDownLatch locked = new CountDownLatch(1);
    holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
      jdbc.queryForList(lockingQuery, arguments);
      locked.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    locked.await();
  }

  /** Runs {@code lockingQuery} (a {@code select ... for update}) and returns once its rows are locked. */
  public static RowLock hold(TransactionTemplate transactions, JdbcTemplate jdbc, String lockingQuery, Object... arguments)
      throws InterruptedException {
    return new RowLock(transactions, jdbc, lockingQuery, arguments);
  }

  @Override
  public void close() {
    release.countDown();
    holder.join();
  }
}
