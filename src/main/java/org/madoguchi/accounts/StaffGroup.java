package org.madoguchi.accounts;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * A staff group, named as Camunda's candidate groups and the identity provider's groups claim name it:
 * {@code desk}, {@code finance}, {@code data-stewards}, {@code admins}, {@code unit-<code>} (a unit's
 * coordinators) and {@code operators-<code>} (its instrument operators). Tasklist and the staff pages
 * decide by the same names.
 */
@NamedInterface("api")
public record StaffGroup(String name) {

  /** Matches the column limit of {@code account_staff_groups.group_name}. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern NAME =
      Pattern.compile("desk|finance|data-stewards|admins|(unit|operators)-[a-z0-9]+(-[a-z0-9]+)*");
  private static final String AUTHORITY_PREFIX = "GROUP_";

  public static final StaffGroup DESK = new StaffGroup("desk");
  public static final StaffGroup FINANCE = new StaffGroup("finance");
  public static final StaffGroup DATA_STEWARDS = new StaffGroup("data-stewards");
  public static final StaffGroup ADMINS = new StaffGroup("admins");

  public StaffGroup {
    if (name == null || name.length() > MAX_LENGTH || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a staff group: " + name);
    }
  }

  /** The coordinators of a support unit, e.g. {@code unit-structure}. */
  public static StaffGroup unitCoordinators(String unitCode) {
    return new StaffGroup("unit-" + unitCode);
  }

  /** The instrument operators of a support unit, e.g. {@code operators-structure}. */
  public static StaffGroup operators(String unitCode) {
    return new StaffGroup("operators-" + unitCode);
  }

  /** A group from an identity provider's claim; empty for names that are not Madoguchi's. */
  public static Optional<StaffGroup> parse(String name) {
    return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches()
        ? Optional.of(new StaffGroup(name))
        : Optional.empty();
  }

  /** The unit this group belongs to, for {@code unit-<code>} and {@code operators-<code>}. */
  public Optional<String> unitCode() {
    if (name.startsWith("unit-")) {
      return Optional.of(name.substring("unit-".length()));
    }
    return name.startsWith("operators-") ? Optional.of(name.substring("operators-".length())) : Optional.empty();
  }

  /** The Spring Security authority that carries this group, e.g. {@code GROUP_desk}. */
  public String authority() {
    return AUTHORITY_PREFIX + name;
  }

  @Override
  public String toString() {
    return name;
  }
}
