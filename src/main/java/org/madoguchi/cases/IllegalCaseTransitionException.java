package org.madoguchi.cases;

/** A step tried to move a case somewhere the journey does not allow: a model or code defect. */
public class IllegalCaseTransitionException extends IllegalStateException {

  IllegalCaseTransitionException(String caseNumber, CaseStatus from, CaseStatus to) {
    super("case " + caseNumber + " cannot move from " + from + " to " + to);
  }
}
