package org.madoguchi.common.outbox;

/**
 * Carries one kind of outbox entry to its receiver (the mail server, the engine). Called outside any
 * transaction; may be called again for an entry it already delivered (after a crash, or an expired
 * lease), so what it sends must carry an id that lets the receiver recognise the repeat.
 */
public interface Courier<T extends OutboxEntry> {

  Class<T> entryType();

  /** Returns once the receiver has accepted the entry; throws if it has not. */
  void deliver(T entry) throws Exception;
}
