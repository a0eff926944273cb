package org.madoguchi.fees;

import java.time.Instant;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side for the applicant's case page: the fee statement and invoice of a case, as far as the
 * applicant has been sent them (a draft under finance review is not shown). Callers check ownership
 * of the case first.
 */
@NamedInterface("api")
@Service
public class FeeDocuments {

  /**
   * @param statementStatus {@code NO_CHARGE}, {@code ISSUED}, {@code ACCEPTED} or {@code DISPUTED}
   * @param statementTotalYen total including consumption tax
   * @param invoiceNumber null until the invoice is issued
   */
  @NamedInterface("api")
  public record ApplicantFees(
      String statementStatus,
      long statementTotalYen,
      Instant statementIssuedAt,
      Instant respondedAt,
      String invoiceNumber,
      Long invoiceTotalYen,
      Instant invoiceIssuedAt) {

    public boolean awaitingResponse() {
      return StatementStatus.ISSUED.name().equals(statementStatus);
    }
  }

  private final FeeStatementRepository statements;
  private final FeeInvoiceRepository invoices;

  FeeDocuments(FeeStatementRepository statements, FeeInvoiceRepository invoices) {
    this.statements = statements;
    this.invoices = invoices;
  }

  @Transactional(readOnly = true)
  public Optional<ApplicantFees> forCase(long caseId) {
    return statements
        .findByCaseId(caseId)
        .filter(s -> s.status() != StatementStatus.DRAFT)
        .map(
            s -> {
              Optional<FeeInvoice> invoice = invoices.findByStatementId(s.id());
              return new ApplicantFees(
                  s.status().name(), s.totalYen(), s.issuedAt(), s.respondedAt(),
                  invoice.map(FeeInvoice::invoiceNumber).orElse(null),
                  invoice.map(FeeInvoice::totalYen).orElse(null),
                  invoice.map(FeeInvoice::issuedAt).orElse(null));
            });
  }
}
