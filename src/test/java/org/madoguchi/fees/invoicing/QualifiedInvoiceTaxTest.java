package org.madoguchi.fees.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.madoguchi.fees.ConsumptionTax;
import org.madoguchi.fees.StatementStatus;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.TaxClass;

/** The tax of a qualified invoice: per tax class, once, on the invoice's class total, whatever the statements said. */
class QualifiedInvoiceTaxTest {

  private static final BigDecimal STANDARD = new BigDecimal("0.10");
  private static final BigDecimal REDUCED = new BigDecimal("0.08");

  @ParameterizedTest
  @EnumSource(value = RoundingMode.class, names = {"FLOOR", "HALF_UP", "CEILING"})
  void mixedStandardAndReducedLinesAreTaxedOncePerClass(RoundingMode rounding) {
    InvoiceDraft draft = InvoiceDraft.ofStatements(List.of(statement("BINDS-2026-00001",
        line(1, 12_345, TaxClass.STANDARD), line(2, 7_777, TaxClass.REDUCED), line(3, 1_001, TaxClass.STANDARD),
        line(4, 333, TaxClass.REDUCED))), tax(rounding));

    assertThat(draft.tax().perRate()).extracting(ConsumptionTax.RateTotal::taxClass).containsExactly(TaxClass.STANDARD, TaxClass.REDUCED);
    assertClassTax(draft, TaxClass.STANDARD, 13_346, STANDARD, rounding);
    assertClassTax(draft, TaxClass.REDUCED, 8_110, REDUCED, rounding);
    assertThat(draft.tax().subtotalYen()).isEqualTo(21_456);
    assertThat(draft.tax().taxYen()).isEqualTo(draft.tax().perRate().stream().mapToLong(ConsumptionTax.RateTotal::taxYen).sum());
    assertThat(draft.lines()).filteredOn(l -> l.reducedRate()).extracting(l -> l.lineNo()).containsExactly(2, 4);
  }

  @ParameterizedTest
  @EnumSource(value = RoundingMode.class, names = {"FLOOR", "HALF_UP", "CEILING"})
  void manySmallLinesAreNotRoundedLineByLine(RoundingMode rounding) {
    List<StatementVersion.Line> lines = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      lines.add(line(i, 15, TaxClass.STANDARD));
    }
    InvoiceDraft draft = InvoiceDraft.ofStatements(List.of(statement("BINDS-2026-00002", lines.toArray(StatementVersion.Line[]::new))), tax(rounding));

    long perLine = 30 * BigDecimal.valueOf(15).multiply(STANDARD).setScale(0, rounding).longValueExact();
    assertClassTax(draft, TaxClass.STANDARD, 450, STANDARD, rounding);
    assertThat(draft.tax().taxYen()).isEqualTo(45);
    assertThat(perLine).isNotEqualTo(45);
  }

  @ParameterizedTest
  @EnumSource(value = RoundingMode.class, names = {"FLOOR", "HALF_UP", "CEILING"})
  void severalStatementsAreTaxedOnTheInvoicesClassTotalsNotBySummingTheirTax(RoundingMode rounding) {
    // Each statement alone: 15 yen -> 1.5 yen tax; three of them on one invoice: 45 yen -> 4.5 yen, rounded once.
    List<StatementVersion> statements = List.of(
        statement(rounding, "BINDS-2026-00005", line(1, 15, TaxClass.STANDARD)),
        statement(rounding, "BINDS-2026-00003", line(1, 15, TaxClass.STANDARD)),
        statement(rounding, "BINDS-2026-00004", line(1, 15, TaxClass.STANDARD)));
    InvoiceDraft draft = InvoiceDraft.ofStatements(statements, tax(rounding));

    assertClassTax(draft, TaxClass.STANDARD, 45, STANDARD, rounding);
    assertThat(draft.tax().taxYen()).isEqualTo(rounding == RoundingMode.FLOOR ? 4 : 5);
    long summedStatementTax = statements.stream().mapToLong(s -> s.tax().taxYen()).sum();
    assertThat(summedStatementTax).isEqualTo(rounding == RoundingMode.FLOOR ? 3 : 6);
    assertThat(draft.lines()).extracting(l -> l.caseNumber())
        .containsExactly("BINDS-2026-00003", "BINDS-2026-00004", "BINDS-2026-00005");
    assertThat(draft.lines()).extracting(l -> l.lineNo()).containsExactly(1, 2, 3);
  }

  @ParameterizedTest
  @EnumSource(value = RoundingMode.class, names = {"FLOOR", "HALF_UP", "CEILING"})
  void zeroRatedAndExemptLinesCarryNoTax(RoundingMode rounding) {
    InvoiceDraft draft = InvoiceDraft.ofStatements(List.of(statement("BINDS-2026-00006",
        line(1, 9_999, TaxClass.STANDARD), line(2, 50_000, TaxClass.ZERO_RATED), line(3, 20_000, TaxClass.EXEMPT),
        line(4, 125, TaxClass.REDUCED))), tax(rounding));

    assertThat(draft.tax().perRate()).extracting(ConsumptionTax.RateTotal::taxClass)
        .containsExactly(TaxClass.STANDARD, TaxClass.REDUCED, TaxClass.ZERO_RATED, TaxClass.EXEMPT);
    assertClassTax(draft, TaxClass.STANDARD, 9_999, STANDARD, rounding);
    assertClassTax(draft, TaxClass.REDUCED, 125, REDUCED, rounding);
    assertClassTax(draft, TaxClass.ZERO_RATED, 50_000, BigDecimal.ZERO, rounding);
    assertClassTax(draft, TaxClass.EXEMPT, 20_000, BigDecimal.ZERO, rounding);
    assertThat(draft.tax().subtotalYen()).isEqualTo(80_124);
  }

  @ParameterizedTest
  @EnumSource(value = RoundingMode.class, names = {"FLOOR", "HALF_UP", "CEILING"})
  void theTransactionPeriodSpansTheLines(RoundingMode rounding) {
    InvoiceDraft draft = InvoiceDraft.ofStatements(List.of(statement("BINDS-2026-00007",
        line(1, 100, TaxClass.STANDARD, LocalDate.of(2026, 11, 20)), line(2, 100, TaxClass.STANDARD, LocalDate.of(2026, 11, 3)))),
        tax(rounding));

    assertThat(draft.transactionsFrom()).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(draft.transactionsTo()).isEqualTo(LocalDate.of(2026, 11, 20));
  }

  private static void assertClassTax(InvoiceDraft draft, TaxClass taxClass, long classTotal, BigDecimal rate, RoundingMode rounding) {
    ConsumptionTax.RateTotal total = draft.tax().perRate().stream().filter(r -> r.taxClass() == taxClass).findFirst().orElseThrow();
    assertThat(total.taxableYen()).isEqualTo(classTotal);
    assertThat(total.rate()).isEqualByComparingTo(rate);
    assertThat(total.taxYen()).isEqualTo(BigDecimal.valueOf(classTotal).multiply(rate).setScale(0, rounding).longValueExact());
  }

  private static ConsumptionTax tax(RoundingMode rounding) {
    return new ConsumptionTax(STANDARD, REDUCED, rounding);
  }

  private static StatementVersion.Line line(int no, long amountYen, TaxClass taxClass) {
    return line(no, amountYen, taxClass, LocalDate.of(2026, 11, 10));
  }

  private static StatementVersion.Line line(int no, long amountYen, TaxClass taxClass, LocalDate date) {
    return new StatementVersion.Line(no, "USAGE", (long) no, "item " + no, "reagent", "cryo-em", date, BigDecimal.ONE, amountYen,
        BigDecimal.ONE, "industry-full-cost", taxClass, amountYen, null, null);
  }

  private static StatementVersion statement(String caseNumber, StatementVersion.Line... lines) {
    return statement(RoundingMode.FLOOR, caseNumber, lines);
  }

  /** A statement with its own tax figures, computed on its lines alone as the statement shows them. */
  private static StatementVersion statement(RoundingMode rounding, String caseNumber, StatementVersion.Line... lines) {
    List<StatementVersion.Line> list = List.of(lines);
    ConsumptionTax.Breakdown own = new ConsumptionTax(STANDARD, REDUCED, rounding)
        .of(list.stream().map(l -> new ConsumptionTax.Taxable(l.taxClass(), l.amountYen())).toList());
    return new StatementVersion(1, 1, caseNumber, 1, true, StatementStatus.ACCEPTED, Instant.EPOCH, "system", null, null, Instant.EPOCH,
        list, own);
  }
}
