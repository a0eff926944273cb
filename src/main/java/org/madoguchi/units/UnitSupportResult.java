package org.madoguchi.units;

/** The {@code unitSupportResult} of a unit that returned the request to the desk (see docs/processes.md). */
record UnitSupportResult(String unitCode, String outcome, String reason) {

  static UnitSupportResult returned(String unitCode, String reason) {
    return new UnitSupportResult(unitCode, "returned", reason);
  }
}
