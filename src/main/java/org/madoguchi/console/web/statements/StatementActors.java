package org.madoguchi.console.web.statements;

import org.madoguchi.cases.audit.Actor;
import org.springframework.stereotype.Component;

/** Who made a statement version or granted a waiver ({@link Actor} as stored), as the statement page names them. */
@Component("statementActors")
public class StatementActors {

  public String name(String stored) {
    if (stored == null) {
      return "";
    }
    Actor actor = Actor.parse(stored);
    if (actor.kind() != Actor.Kind.STAFF) {
      return actor.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    return actor.name() == null ? actor.group() : actor.name() + " (" + actor.group() + ")";
  }
}
