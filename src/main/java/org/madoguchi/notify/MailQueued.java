package org.madoguchi.notify;

/** Raised when mail enters the outbox, so it is sent as soon as the transaction commits. */
record MailQueued() {}
