package org.madoguchi.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The unit-assignment form's outcome as the {@code units.record-assignment} job delivers it, checked.
 * Blank texts become null; a decision that breaks the rules is refused with a message naming every
 * problem (the job then fails and shows as an incident in Operate).
 */
record AssignmentDecision(
    long caseId,
    String unitCode,
    long processInstanceKey,
    String decision,
    String leadOperator,
    BigDecimal estimatedHours,
    String instrumentClass,
    LocalDate preferredStart,
    String returnReason) {

  static AssignmentDecision of(
      long caseId,
      String unitCode,
      long processInstanceKey,
      String unitDecision,
      String leadOperator,
      BigDecimal estimatedHours,
      String instrumentClass,
      String preferredStart,
      String returnReason) {
    List<String> problems = new ArrayList<>();
    String decision = blankToNull(unitDecision);
    if (!UnitAssignment.ACCEPT.equals(decision) && !UnitAssignment.RETURN.equals(decision)) {
      problems.add("unitDecision must be 'accept' or 'return' (was " + unitDecision + ")");
    }
    String operator = blankToNull(leadOperator);
    LocalDate start = null;
    if (UnitAssignment.ACCEPT.equals(decision)) {
      if (operator == null) {
        problems.add("leadOperator is required to accept");
      } else if (operator.length() > 200) {
        problems.add("leadOperator must be at most 200 characters");
      }
      if (estimatedHours == null || estimatedHours.signum() <= 0) {
        problems.add("estimatedHours must be greater than 0 to accept (was " + estimatedHours + ")");
      } else if (estimatedHours.compareTo(new BigDecimal("99999")) > 0) {
        problems.add("estimatedHours is implausibly large (" + estimatedHours + ")");
      }
      String startText = blankToNull(preferredStart);
      if (startText != null) {
        try {
          start = LocalDate.parse(startText.length() > 10 ? startText.substring(0, 10) : startText);
        } catch (DateTimeParseException e) {
          problems.add("preferredStart must be a date yyyy-MM-dd (was " + preferredStart + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot record the decision of unit " + unitCode + " on case " + caseId + ": " + String.join("; ", problems));
    }
    boolean accept = UnitAssignment.ACCEPT.equals(decision);
    return new AssignmentDecision(
        caseId,
        unitCode,
        processInstanceKey,
        decision,
        accept ? operator : null,
        accept ? estimatedHours.setScale(2, RoundingMode.UP) : null,
        accept ? blankToNull(instrumentClass) : null,
        start,
        accept ? null : blankToNull(returnReason));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
