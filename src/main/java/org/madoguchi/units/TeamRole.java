package org.madoguchi.units;

import org.springframework.modulith.NamedInterface;

/** A person's part in a case's cross-unit team. */
@NamedInterface("api")
public enum TeamRole {
  /** The desk person who leads the case (the one-stop desk's "command tower"). */
  LEAD_COORDINATOR,
  /** A unit's contact for the case, named by the desk when it plans that unit. */
  UNIT_CONTACT,
  /** The operator who leads the unit's work, named when the unit accepts. */
  LEAD_OPERATOR
}
