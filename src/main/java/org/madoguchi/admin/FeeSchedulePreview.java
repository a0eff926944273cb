package org.madoguchi.admin;

import java.util.List;

/**
 * What a changed {@code fee-schedule.dmn} would charge: the new and the deployed table evaluated on the
 * recorded usage of the last closed cases, per case the old and new totals and the lines that change.
 */
public interface FeeSchedulePreview {

  FeePreview preview(ModelFile changedSchedule, ModelFile deployedSchedule, int lastClosedCases);

  record FeePreview(List<CasePreview> cases) {}

  record CasePreview(String caseNumber, long oldTotalYen, long newTotalYen, List<LineChange> changedLines) {}

  /** A fee line whose rule or amount differs; the rule names are the tables' {@code ruleName} outputs. */
  record LineChange(String usage, String oldRule, String newRule, long oldAmountYen, long newAmountYen) {}
}
