package org.madoguchi.fees;

import java.util.List;
import java.util.Map;
import org.madoguchi.booking.UsageLedger;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.StaffCases;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fee assessment without a statement, for previewing a changed fee schedule: the fee items of recently
 * closed cases as {@code fees.prepare} hands them to the schedule, and the pricing {@code fees.assess}
 * applies to the schedule's rules. Writes nothing.
 */
@NamedInterface("api")
@Service
public class FeePricing {

  /** A closed case and its fee items, each the {@code feeItem} variable the fee schedule decides on. */
  @NamedInterface("api")
  public record ClosedCaseItems(String caseNumber, List<Map<String, Object>> feeItems) {}

  /** One priced line: the usage record, the rule the schedule chose and the amount, integer yen. */
  @NamedInterface("api")
  public record PricedLine(String usage, String ruleName, long amountYen) {}

  /** The lines in the order of the items, and the total with consumption tax. */
  @NamedInterface("api")
  public record PricedCase(List<PricedLine> lines, long totalYen) {}

  private final StaffCases staffCases;
  private final CaseFile caseFile;
  private final UsageLedger usageLedger;
  private final FeesProperties properties;

  FeePricing(StaffCases staffCases, CaseFile caseFile, UsageLedger usageLedger, FeesProperties properties) {
    this.staffCases = staffCases;
    this.caseFile = caseFile;
    this.usageLedger = usageLedger;
    this.properties = properties;
  }

  /** The {@code count} most recently closed cases, newest first, with their recorded use as fee items. */
  @Transactional(readOnly = true)
  public List<ClosedCaseItems> lastClosedCases(int count) {
    StaffCases.Query closed =
        new StaffCases.Query(
            null, CaseStatus.CLOSED, null, null, false, false, null, null, null, null, StaffCases.Sort.UPDATED, 1, count);
    return staffCases.search(closed, StaffCases.Scope.allCases()).rows().stream()
        .map(row -> new ClosedCaseItems(
            row.caseNumber(),
            FeeItem.of(caseFile.get(row.caseId()), usageLedger.itemsForCase(row.caseId())).stream()
                .map(FeeItem::toVariables)
                .toList()))
        .toList();
  }

  /**
   * Prices fee items with the rules a fee schedule gave them, exactly as {@code fees.assess} does.
   *
   * @throws IllegalArgumentException when they cannot be priced (no rule matched an item, a rate outside
   *     0..1), with the reason {@code fees.assess} would fail with
   */
  public PricedCase price(List<Map<String, Object>> feeItems, List<Map<String, Object>> feeRules) {
    FeeCalculator.Assessment assessment =
        new FeeCalculator(properties.consumptionTaxRate())
            .assess(AssessFeesWorker.read(feeItems, FeeItem::fromVariables), AssessFeesWorker.read(feeRules, FeeRule::fromVariables));
    return new PricedCase(
        assessment.lines().stream()
            .map(line -> new PricedLine(FeeReviewRows.usage(line.item()), line.rule().ruleName(), line.amountYen()))
            .toList(),
        assessment.totalYen());
  }
}
