package org.madoguchi.fees;

/**
 * Fee items and fee rules that cannot be priced (lists of different lengths, a rate outside 0..1, a
 * missing rule): a defect of the model or the DMN table, so the job fails and an incident shows it.
 */
class FeeInputException extends IllegalArgumentException {

  FeeInputException(String message) {
    super(message);
  }
}
