package org.madoguchi.fees;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the fee schedule decided for one fee item: the share of the cost the applicant pays (0..1) and
 * the name of the rule, shown on the statement. The element of the process variable {@code feeRules}.
 */
record FeeRule(BigDecimal chargeRate, String ruleName) {

  /** Reads an element of {@code feeRules}; a null element means no rule of the schedule matched. */
  static FeeRule fromVariables(int index, Map<String, Object> map) {
    if (map == null) {
      throw new FeeInputException("feeRules[" + index + "] is missing: no fee-schedule rule matched feeItems[" + index + "]");
    }
    return new FeeRule(
        FeeVariables.requiredNumber(map, "chargeRate", "feeRules", index),
        FeeVariables.requiredText(map, "ruleName", "feeRules", index));
  }
}
