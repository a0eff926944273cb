package org.madoguchi.fees;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.madoguchi.fees.invoicing.Invoicing;
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

  /**
   * The statement as finance sees it, drafts included: every line, the note sent with it, how often it
   * was sent ({@code issueCount}: again after each dispute), and the invoice once issued.
   */
  @NamedInterface("api")
  public record StaffFees(
      StatementView statement, String financeNote, int issueCount, Instant assessedAt, Long invoiceTotalYen, Instant invoiceIssuedAt) {}

  /**
   * One version of the statement as staff see it in its history: the version (its lines, and what it
   * changed since the one before, with the reasons), who made it ({@code Actor} as stored) and the fee table
   * that priced its usage lines (null until recorded).
   */
  @NamedInterface("api")
  public record StaffVersion(StatementView statement, String createdBy, String reason, String feeSchedule) {}

  /** The invoice of a statement: the qualified one, or one issued before qualified invoicing. */
  private record InvoiceFacts(String number, long totalYen, Instant issuedAt) {}

  private final FeeStatementRepository statements;
  private final FeeInvoiceRepository invoices;
  private final Invoicing invoicing;

  FeeDocuments(FeeStatementRepository statements, FeeInvoiceRepository invoices, Invoicing invoicing) {
    this.statements = statements;
    this.invoices = invoices;
    this.invoicing = invoicing;
  }

  /** The statement's invoice number, or null while it is not invoiced. */
  String invoiceNumberOf(long statementId) {
    return invoiceOf(statementId).map(InvoiceFacts::number).orElse(null);
  }

  private Optional<InvoiceFacts> invoiceOf(long statementId) {
    return invoicing.invoiceOf(statementId)
        .map(i -> new InvoiceFacts(i.number(), i.totalYen(), i.issuedAt()))
        .or(() -> invoices.findByStatementId(statementId).map(i -> new InvoiceFacts(i.invoiceNumber(), i.totalYen(), i.issuedAt())));
  }

  /** For the staff console (the caller checks the viewer may see the case). */
  @Transactional(readOnly = true)
  public Optional<StaffFees> forStaff(long caseId, String caseNumber) {
    return statements
        .findByCaseId(caseId)
        .map(
            s -> {
              Optional<InvoiceFacts> invoice = invoiceOf(s.id());
              return new StaffFees(
                  StatementView.of(caseNumber, s, invoice.map(InvoiceFacts::number).orElse(null)),
                  s.financeNote(), s.issueCount(), s.assessedAt(),
                  invoice.map(InvoiceFacts::totalYen).orElse(null), invoice.map(InvoiceFacts::issuedAt).orElse(null));
            });
  }

  /** Every version of the case's statement, oldest first (the caller checks the viewer may see the case). */
  @Transactional(readOnly = true)
  public List<StaffVersion> versionsForStaff(long caseId, String caseNumber) {
    return statements.findByCaseId(caseId).stream()
        .flatMap(s -> {
          String invoiceNumber = invoiceNumberOf(s.id());
          return s.versions().stream()
              .map(v -> new StaffVersion(
                  StatementView.of(caseNumber, s, v.versionNo(), s.currentVersion(), invoiceNumber), v.createdBy(), v.reason(),
                  v.feeSchedule()));
        })
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<ApplicantFees> forCase(long caseId) {
    return statements
        .findByCaseId(caseId)
        .filter(s -> s.status() != StatementStatus.DRAFT)
        .map(
            s -> {
              Optional<InvoiceFacts> invoice = invoiceOf(s.id());
              return new ApplicantFees(
                  s.status().name(), s.issuedVersion() == null ? s.totalYen() : s.versionRecord(s.issuedVersion()).orElseThrow().totalYen(),
                  s.issuedAt(), s.respondedAt(),
                  invoice.map(InvoiceFacts::number).orElse(null),
                  invoice.map(InvoiceFacts::totalYen).orElse(null),
                  invoice.map(InvoiceFacts::issuedAt).orElse(null));
            });
  }
}
