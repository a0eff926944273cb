package org.madoguchi.common.outbox;

/** Raised when an entry enters the outbox, so its relay delivers it as soon as the transaction commits. */
public record OutboxQueued(Class<? extends OutboxEntry> entryType) {}
