package org.madoguchi.common.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread per outbox kind, so that a receiver that hangs (a silent mail server holds each attempt
 * for the full read timeout) delays only its own kind, never engine commands, the scheduler or the
 * request threads. Requests for a run while one is waiting collapse into it: the waiting run will
 * see every entry committed before it starts.
 */
final class RelayLane implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RelayLane.class);

  private final OutboxRelay<?> relay;
  private final ExecutorService thread;
  private final AtomicBoolean runWaiting = new AtomicBoolean();

  RelayLane(OutboxRelay<?> relay) {
    this.relay = relay;
    this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-" + relay.kind()).daemon().factory());
  }

  /** Asks for a run of this kind's relay; returns at once. */
  void requestRun() {
    if (!runWaiting.compareAndSet(false, true)) {
      return;
    }
    try {
      thread.execute(this::run);
    } catch (RejectedExecutionException shuttingDown) {
      runWaiting.set(false);
    }
  }

  private void run() {
    runWaiting.set(false);
    try {
      relay.relayDue();
    } catch (RuntimeException e) {
      // The database is away or the like: the next sweep tries again.
      log.warn("{} relay run failed: {}", relay.kind(), e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
