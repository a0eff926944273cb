package org.madoguchi.booking;

/** The {@code unitSupportResult} of a completed unit (see docs/processes.md), with the recorded session. */
record UnitSupportResult(String unitCode, String outcome, long usageRecordId) {

  static UnitSupportResult completed(String unitCode, long usageRecordId) {
    return new UnitSupportResult(unitCode, "completed", usageRecordId);
  }
}
