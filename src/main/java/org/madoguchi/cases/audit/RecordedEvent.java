package org.madoguchi.cases.audit;

import java.time.Instant;

/**
 * One line of a case's history as recorded: {@code action} is the event type's code. {@code event} is
 * null on lines written before events had parameters; {@code detail} holds the text written then.
 */
public record RecordedEvent(Instant at, Actor actor, String action, CaseEvent event, String detail) {

  public boolean is(CaseEventType type) {
    return type.code().equals(action);
  }
}
