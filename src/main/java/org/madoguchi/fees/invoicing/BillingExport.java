package org.madoguchi.fees.invoicing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export for the finance system: one row per line of every invoice and credit note of a billing run
 * or issued in a date range, as CSV (UTF-8, header row, RFC 4180) or XLSX (one sheet, same columns). The
 * columns are documented in docs/billing.md.
 */
@NamedInterface("api")
@Service
public class BillingExport {

  public static final List<String> COLUMNS = List.of(
      "invoice_number", "document_kind", "issue_date", "issuer_registration_number", "payer_name", "payer_department",
      "contact_email", "budget_code", "purchase_order", "case_number", "statement_version", "line_no", "transaction_date",
      "description", "quantity", "unit_price_yen", "amount_yen", "tax_class", "tax_rate", "invoice_tax_for_class_yen",
      "invoice_total_yen", "credit_note_for");

  private static final String ROWS = """
      select i.invoice_number, i.kind, i.issued_on, i.issuer_registration_number, i.payer_name, i.payer_department, i.contact_email,
             i.budget_code, i.purchase_order, l.case_number, l.statement_version, l.line_no, l.transaction_date, l.description,
             l.quantity, l.unit_price_yen, l.amount_yen, l.tax_class, t.rate, t.tax_yen, i.total_yen, c.invoice_number
      from invoices i
      join invoice_lines l on l.invoice_id = i.id
      join invoice_tax_totals t on t.invoice_id = i.id and t.tax_class = l.tax_class
      left join invoices c on c.id = i.corrects_invoice_id
      """;
  private static final String ORDER = " order by i.issued_at, i.invoice_number, l.line_no";

  private final JdbcClient jdbc;

  BillingExport(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rows of a run's invoices and of credit notes against them. */
  @Transactional(readOnly = true)
  public List<List<Object>> forRun(long runId) {
    return rows(ROWS + " where i.billing_run_id = ? or c.billing_run_id = ?" + ORDER, runId, runId);
  }

  /** The rows of documents issued from {@code from} to {@code to}, both included. */
  @Transactional(readOnly = true)
  public List<List<Object>> issuedBetween(LocalDate from, LocalDate to) {
    return rows(ROWS + " where i.issued_on between ? and ?" + ORDER, Date.valueOf(from), Date.valueOf(to));
  }

  public void writeCsv(List<List<Object>> rows, OutputStream out) {
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
      for (List<Object> row : rows) {
        csv.printRecord(row.stream().map(v -> v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString()).toList());
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void writeXlsx(List<List<Object>> rows, OutputStream out) {
    try {
      Workbook workbook = new Workbook(out, "Madoguchi", "1.0");
      Worksheet sheet = workbook.newWorksheet("invoice lines");
      for (int c = 0; c < COLUMNS.size(); c++) {
        sheet.value(0, c, COLUMNS.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value instanceof Number number) {
            sheet.value(r + 1, c, number);
          } else if (value != null) {
            sheet.value(r + 1, c, value.toString());
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<List<Object>> rows(String sql, Object... params) {
    return jdbc.sql(sql)
        .params(params)
        .query((rs, n) -> List.<Object>of(
            rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate().toString(), rs.getString(4), rs.getString(5),
            nullable(rs.getString(6)), rs.getString(7), nullable(rs.getString(8)), nullable(rs.getString(9)), rs.getString(10),
            rs.getInt(11), rs.getInt(12), rs.getDate(13).toLocalDate().toString(), rs.getString(14),
            rs.getBigDecimal(15).stripTrailingZeros(), rs.getLong(16), rs.getLong(17), rs.getString(18),
            rs.getBigDecimal(19).stripTrailingZeros(), rs.getLong(20), rs.getLong(21), nullable(rs.getString(22))))
        .list();
  }

  /** Empty text for an absent value: {@code List.of} holds no nulls, and both files show it as an empty cell. */
  private static String nullable(String value) {
    return value == null ? "" : value;
  }
}
