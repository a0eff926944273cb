package org.madoguchi.fees.invoicing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free document numbers per issuer registration number, calendar year and series: {@code INV-2026-000001}
 * for invoices, {@code CN-2026-000001} for credit notes. The counter row is locked FOR UPDATE in the
 * issuing transaction, so concurrent issues wait for each other and a rolled-back issue frees its number.
 */
@Component
class InvoiceNumbers {

  enum Series {
    INV,
    CN
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  InvoiceNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number; must run inside the transaction that writes the document. */
  @Transactional(propagation = Propagation.MANDATORY)
  String next(String registrationNumber, int year, Series series) {
    // The year's first document creates the row in a transaction of its own, so that the lock below is
    // always on an existing row (two first inserts racing could otherwise deadlock on the gap).
    boolean exists = jdbc.sql("select count(*) from invoice_counters where registration_number = ? and counter_year = ? and series = ?")
        .params(registrationNumber, year, series.name())
        .query(Integer.class)
        .single() > 0;
    if (!exists) {
      ownTransaction.executeWithoutResult(s -> jdbc.sql(
              "insert ignore into invoice_counters (registration_number, counter_year, series, last_number) values (?, ?, ?, 0)")
          .params(registrationNumber, year, series.name())
          .update());
    }
    int last = jdbc.sql(
            "select last_number from invoice_counters where registration_number = ? and counter_year = ? and series = ? for update")
        .params(registrationNumber, year, series.name())
        .query(Integer.class)
        .single();
    int number = last + 1;
    jdbc.sql("update invoice_counters set last_number = ? where registration_number = ? and counter_year = ? and series = ?")
        .params(number, registrationNumber, year, series.name())
        .update();
    return "%s-%d-%06d".formatted(series.name(), year, number);
  }
}
