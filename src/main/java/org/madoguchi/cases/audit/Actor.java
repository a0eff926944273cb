package org.madoguchi.cases.audit;

import java.util.Locale;
import java.util.Objects;

/**
 * Who did something to a case: the applicant, a member of a staff group (with their name when the
 * step knows it; user tasks do not carry the assignee), the application itself, or a process timer.
 * {@code name} is the applicant's e-mail address or the staff member's name.
 */
public record Actor(Kind kind, String group, String name) {

  public enum Kind {
    APPLICANT,
    STAFF,
    SYSTEM,
    TIMER;

    /** The message key of this kind of actor in i18n/cases. */
    public String messageKey() {
      return "cases.actor." + name().toLowerCase(Locale.ROOT);
    }
  }

  private static final String APPLICANT_PREFIX = "applicant:";
  private static final String STAFF_PREFIX = "staff:";

  public Actor {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.APPLICANT && (name == null || name.isBlank())) {
      throw new IllegalArgumentException("an applicant actor needs the applicant's e-mail address");
    }
    if (kind == Kind.STAFF && (group == null || group.isBlank() || group.contains(":"))) {
      throw new IllegalArgumentException("a staff actor needs a group name without ':', not " + group);
    }
  }

  public static Actor applicant(String email) {
    return new Actor(Kind.APPLICANT, null, email);
  }

  /** A member of the candidate group, not known by name. */
  public static Actor staff(String group) {
    return new Actor(Kind.STAFF, group, null);
  }

  public static Actor staff(String group, String name) {
    return new Actor(Kind.STAFF, group, name);
  }

  public static Actor system() {
    return new Actor(Kind.SYSTEM, null, null);
  }

  public static Actor timer() {
    return new Actor(Kind.TIMER, null, null);
  }

  /**
   * The form kept in {@code case_events.actor}: {@code applicant:<email>}, {@code staff:<group>[:<name>]},
   * {@code system} or {@code timer}.
   */
  public String stored() {
    return switch (kind) {
      case APPLICANT -> APPLICANT_PREFIX + name;
      case STAFF -> STAFF_PREFIX + group + (name == null ? "" : ":" + name);
      case SYSTEM -> "system";
      case TIMER -> "timer";
    };
  }

  /**
   * Reads {@link #stored()}, and the plain values of lines written before actors were typed: an
   * e-mail address is the applicant, anything else but {@code system} a staff group.
   */
  public static Actor parse(String stored) {
    if (stored.startsWith(APPLICANT_PREFIX)) {
      return applicant(stored.substring(APPLICANT_PREFIX.length()));
    }
    if (stored.startsWith(STAFF_PREFIX)) {
      String[] groupAndName = stored.substring(STAFF_PREFIX.length()).split(":", 2);
      return groupAndName.length == 1 ? staff(groupAndName[0]) : staff(groupAndName[0], groupAndName[1]);
    }
    return switch (stored) {
      case "system" -> system();
      case "timer" -> timer();
      // Stewards' decisions were recorded under this name; their candidate group is data-stewards.
      case "data-steward" -> staff("data-stewards");
      default -> stored.contains("@") ? applicant(stored) : staff(stored);
    };
  }
}
