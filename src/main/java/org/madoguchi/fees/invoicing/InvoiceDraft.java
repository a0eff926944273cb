package org.madoguchi.fees.invoicing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.ConsumptionTax;
import org.madoguchi.fees.StatementVersion;

/**
 * The lines and tax of an invoice before it is numbered: every line of the statements it bills, in case
 * order, and the tax of each class computed once on the invoice's class totals (the statements' own tax
 * figures are not summed). Pure.
 */
record InvoiceDraft(List<BillingDocument.Line> lines, ConsumptionTax.Breakdown tax, LocalDate transactionsFrom, LocalDate transactionsTo) {

  static InvoiceDraft ofStatements(List<StatementVersion> statements, ConsumptionTax consumptionTax) {
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("an invoice bills at least one statement");
    }
    List<BillingDocument.Line> lines = new ArrayList<>();
    for (StatementVersion statement : statements.stream().sorted(Comparator.comparing(StatementVersion::caseNumber)).toList()) {
      for (StatementVersion.Line line : statement.lines()) {
        lines.add(new BillingDocument.Line(
            lines.size() + 1, statement.caseNumber(), statement.version(), line.transactionDate(),
            line.description() == null ? line.itemKind() : line.description(),
            line.quantity(), line.unitPriceYen(), line.amountYen(), line.taxClass()));
      }
    }
    return ofLines(lines, consumptionTax);
  }

  static InvoiceDraft ofLines(List<BillingDocument.Line> lines, ConsumptionTax consumptionTax) {
    ConsumptionTax.Breakdown tax =
        consumptionTax.of(lines.stream().map(l -> new ConsumptionTax.Taxable(l.taxClass(), l.amountYen())).toList());
    LocalDate from = lines.stream().map(BillingDocument.Line::transactionDate).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate to = lines.stream().map(BillingDocument.Line::transactionDate).max(Comparator.naturalOrder()).orElseThrow();
    return new InvoiceDraft(List.copyOf(lines), tax, from, to);
  }
}
