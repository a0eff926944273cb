package org.madoguchi.workflow;

/** Raised when a command enters the outbox, so the relay sends it as soon as the transaction commits. */
record WorkflowCommandQueued() {}
