package org.madoguchi.console;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.audit.Actor;

/**
 * A signed-in staff member as the console sees them: who (for "my cases" and the team check), their
 * name and groups (for the scope and for the audit trail's actor).
 */
public record StaffViewer(long accountId, String email, String name, Set<StaffGroup> groups) {

  /** The desk and admins see every case. */
  public boolean seesEveryCase() {
    return groups.contains(StaffGroup.DESK) || groups.contains(StaffGroup.ADMINS);
  }

  /** Who they are in the audit trail: their name, under the group that best says why they are there. */
  public Actor actor() {
    List<StaffGroup> byWeight = groups.stream().sorted(Comparator.comparing(StaffViewer::weight).thenComparing(StaffGroup::name)).toList();
    return Actor.staff(byWeight.isEmpty() ? StaffGroup.ADMINS.name() : byWeight.get(0).name(), name);
  }

  private static int weight(StaffGroup group) {
    if (group.equals(StaffGroup.DESK)) {
      return 0;
    }
    if (group.equals(StaffGroup.ADMINS)) {
      return 1;
    }
    return group.unitCode().isPresent() ? 2 : 3;
  }
}
