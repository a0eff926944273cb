package org.madoguchi.notify;

import org.springframework.modulith.NamedInterface;

/** Queues mail in the outbox, inside the caller's transaction; it is sent after commit and retried. */
@NamedInterface("api")
public interface Mailer {

  /** Queues the mail unless one with the same dedupe key was queued before; returns whether it was new. */
  boolean enqueue(Mail mail);
}
