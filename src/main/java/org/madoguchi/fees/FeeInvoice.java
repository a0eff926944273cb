package org.madoguchi.fees;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An invoice issued before qualified invoicing (numbered {@code INV-<case number>}): read-only history.
 * Invoices are now issued by {@code fees.invoicing} (tables {@code invoices}, {@code invoice_lines}).
 */
@Entity
@Table(name = "fee_invoices")
class FeeInvoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "invoice_number", nullable = false, unique = true)
  private String invoiceNumber;

  @Column(name = "case_id", nullable = false, unique = true)
  private long caseId;

  @Column(name = "statement_id", nullable = false, unique = true)
  private long statementId;

  @Column(name = "subtotal_yen", nullable = false)
  private long subtotalYen;

  @Column(name = "tax_yen", nullable = false)
  private long taxYen;

  @Column(name = "total_yen", nullable = false)
  private long totalYen;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  protected FeeInvoice() {}

  String invoiceNumber() {
    return invoiceNumber;
  }

  long totalYen() {
    return totalYen;
  }

  Instant issuedAt() {
    return issuedAt;
  }
}
