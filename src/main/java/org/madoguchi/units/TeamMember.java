package org.madoguchi.units;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * One person in one role of a case's team, for a while: {@code endedAt} is null while they hold it.
 * {@code unitCode} is null for the lead coordinator, who belongs to the desk.
 */
@NamedInterface("api")
public record TeamMember(
    TeamRole role, String unitCode, String email, String name, Instant assignedAt, Instant endedAt) {

  public boolean isCurrent() {
    return endedAt == null;
  }
}
