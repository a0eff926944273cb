package org.madoguchi.fees.invoicing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.StatementVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly billing run: finance names a month and a cut-off date; every statement accepted up to the
 * end of the cut-off day (facility time) and not yet invoiced is billed, one invoice per payer (same
 * institution, budget code, purchase order and contact e-mail). A case whose payer is incomplete is
 * recorded as carried and billed by a later run once its payer is complete. A month runs once: running it
 * again answers the recorded run and issues nothing. Each invoice goes to its billing contact, is recorded on
 * each case it bills, and each applicant is told ({@link BillingMails}).
 */
@NamedInterface("api")
@Service
public class BillingRuns {

  @NamedInterface("api")
  public record Run(long id, YearMonth month, LocalDate cutoff, String startedBy, Instant startedAt, List<RunInvoice> invoices,
      List<Carried> carried) {}

  @NamedInterface("api")
  public record RunInvoice(String number, String payerName, String budgetCode, String purchaseOrder, int cases, long totalYen) {}

  /** @param missing the payer fields still missing, comma-separated form field names */
  @NamedInterface("api")
  public record Carried(long caseId, String caseNumber, String missing, boolean invoicedSince) {}

  /** The payer as invoices group it. */
  private record PayerKey(String institution, String budgetCode, String purchaseOrder, String contactEmail) {
    static PayerKey of(PayerDetails payer) {
      return new PayerKey(payer.institutionName(), payer.budgetCode(), payer.purchaseOrder(), payer.contactEmail());
    }
  }

  private final JdbcClient jdbc;
  private final StatementVersions statements;
  private final Payers payers;
  private final Invoicing invoicing;
  private final CaseFile caseFile;
  private final BillingMails mails;
  private final Clock clock;
  private final ZoneId zone;

  BillingRuns(
      JdbcClient jdbc, StatementVersions statements, Payers payers, Invoicing invoicing, CaseFile caseFile, BillingMails mails,
      Clock clock, MadoguchiProperties madoguchi) {
    this.jdbc = jdbc;
    this.statements = statements;
    this.payers = payers;
    this.invoicing = invoicing;
    this.caseFile = caseFile;
    this.mails = mails;
    this.clock = clock;
    this.zone = madoguchi.timeZone();
  }

  /**
   * Runs the month, or answers its recorded run. The cut-off may not be in the future nor before the month
   * starts (400 naming {@code cutoff}).
   */
  @Transactional
  public Run start(YearMonth month, LocalDate cutoff, String startedBy) {
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    if (cutoff.isAfter(today)) {
      throw InvalidRequestException.of("cutoff", "billing.run.cutoff.future");
    }
    if (cutoff.isBefore(month.atDay(1))) {
      throw InvalidRequestException.of("cutoff", "billing.run.cutoff.before-month");
    }
    // The month's row is the run's lock: a second run of the same month waits here, then finds it.
    int inserted = jdbc.sql("""
            insert ignore into billing_runs (billing_month, cutoff_date, started_by, started_at) values (?, ?, ?, ?)""")
        .params(month.toString(), Date.valueOf(cutoff), startedBy, Timestamp.from(clock.instant()))
        .update();
    long runId = jdbc.sql("select id from billing_runs where billing_month = ? for update").param(month.toString()).query(Long.class).single();
    if (inserted == 0) {
      return run(runId).orElseThrow();
    }
    Instant acceptedBefore = cutoff.plusDays(1).atStartOfDay(zone).toInstant();
    List<StatementVersion> candidates = statements.accepted(acceptedBefore).stream().filter(s -> s.totalYen() > 0).toList();
    List<Long> invoiced = invoicing.lockAndFindInvoiced(candidates.stream().map(StatementVersion::statementId).toList());
    Map<PayerKey, List<StatementVersion>> byPayer = new LinkedHashMap<>();
    Map<PayerKey, PayerDetails> payerOf = new LinkedHashMap<>();
    Map<PayerKey, String> languageOf = new LinkedHashMap<>();
    for (StatementVersion statement : candidates) {
      if (invoiced.contains(statement.statementId())) {
        continue;
      }
      CaseSummary supportCase = caseFile.get(statement.caseId());
      PayerDetails payer = payers.of(statement.caseId()).orElse(PayerDetails.none());
      List<String> missing = payer.missing(supportCase.applicantCategory());
      if (!missing.isEmpty()) {
        jdbc.sql("insert into billing_run_carried (billing_run_id, case_id, statement_id, missing) values (?, ?, ?, ?)")
            .params(runId, statement.caseId(), statement.statementId(), String.join(",", missing))
            .update();
        continue;
      }
      PayerKey key = PayerKey.of(payer);
      byPayer.computeIfAbsent(key, k -> new ArrayList<>()).add(statement);
      payerOf.putIfAbsent(key, payer);
      languageOf.putIfAbsent(key, supportCase.language());
    }
    for (Map.Entry<PayerKey, List<StatementVersion>> group : byPayer.entrySet()) {
      String number =
          invoicing.issueInvoice(group.getValue(), payerOf.get(group.getKey()), languageOf.get(group.getKey()), runId, startedBy).number();
      mails.toBillingContact(number);
      mails.recordOnCases(number, startedBy);
      mails.toApplicants(number);
    }
    return run(runId).orElseThrow();
  }

  /** Runs, newest month first. */
  @Transactional(readOnly = true)
  public List<Run> recent(int limit) {
    return jdbc.sql("select id from billing_runs order by billing_month desc limit ?").param(limit).query(Long.class).list().stream()
        .map(id -> run(id).orElseThrow())
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<Run> run(long runId) {
    return jdbc.sql("select id, billing_month, cutoff_date, started_by, started_at from billing_runs where id = ?")
        .param(runId)
        .query((rs, n) -> new Run(rs.getLong(1), YearMonth.parse(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getString(4),
            rs.getTimestamp(5).toInstant(), invoicesOf(runId), carriedBy(runId)))
        .optional();
  }

  private List<RunInvoice> invoicesOf(long runId) {
    return jdbc.sql("""
            select i.invoice_number, i.payer_name, i.budget_code, i.purchase_order,
                   (select count(*) from invoice_statements s where s.invoice_id = i.id), i.total_yen
            from invoices i where i.billing_run_id = ? order by i.invoice_number""")
        .param(runId)
        .query((rs, n) -> new RunInvoice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6)))
        .list();
  }

  private List<Carried> carriedBy(long runId) {
    return jdbc.sql("""
            select r.case_id, c.case_number, r.missing, exists (select 1 from invoice_statements s where s.statement_id = r.statement_id)
            from billing_run_carried r join cases c on c.id = r.case_id where r.billing_run_id = ? order by c.case_number""")
        .param(runId)
        .query((rs, n) -> new Carried(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }
}
