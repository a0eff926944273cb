package org.madoguchi.console.web.statements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.common.web.StoredIn;
import org.madoguchi.fees.StatementRevisions;
import org.madoguchi.fees.TaxClass;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Finance's edits of the current statement version as the page posts them: every line with its figures
 * (changed or not), whether to remove it and why, and one line to add (left out when blank).
 */
public class StatementRevisionForm {

  /** One line of the current version. */
  public static class LineRow {
    private int lineNo;
    private BigDecimal quantity;
    private Long unitPriceYen;
    private BigDecimal chargeRate;
    private boolean remove;

    @Size(max = StatementRevisions.REASON_MAX, message = "{console.statement.reason.too-long}")
    @StoredIn("fee_statement_changes.reason")
    private String reason;

    StatementRevisions.LineEdit edit() {
      return new StatementRevisions.LineEdit(lineNo, quantity, unitPriceYen, chargeRate, remove, reason);
    }

    public int getLineNo() {
      return lineNo;
    }

    public void setLineNo(int lineNo) {
      this.lineNo = lineNo;
    }

    public BigDecimal getQuantity() {
      return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
      this.quantity = quantity;
    }

    public Long getUnitPriceYen() {
      return unitPriceYen;
    }

    public void setUnitPriceYen(Long unitPriceYen) {
      this.unitPriceYen = unitPriceYen;
    }

    public BigDecimal getChargeRate() {
      return chargeRate;
    }

    public void setChargeRate(BigDecimal chargeRate) {
      this.chargeRate = chargeRate;
    }

    public boolean isRemove() {
      return remove;
    }

    public void setRemove(boolean remove) {
      this.remove = remove;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }
  }

  /** A line to add. */
  public static class NewLineRow {
    @Size(max = StatementRevisions.DESCRIPTION_MAX, message = "{console.statement.description.too-long}")
    @StoredIn("fee_lines.description")
    private String description;

    private BigDecimal quantity;
    private Long unitPriceYen;
    private TaxClass taxClass = TaxClass.STANDARD;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate transactionDate;

    @Size(max = StatementRevisions.REASON_MAX, message = "{console.statement.reason.too-long}")
    @StoredIn("fee_statement_changes.reason")
    private String reason;

    /** Nothing typed (the tax class has a default). */
    boolean blank() {
      return (description == null || description.isBlank()) && quantity == null && unitPriceYen == null
          && transactionDate == null && (reason == null || reason.isBlank());
    }

    StatementRevisions.NewLine line() {
      return new StatementRevisions.NewLine(description, quantity, unitPriceYen, taxClass, transactionDate, reason);
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public BigDecimal getQuantity() {
      return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
      this.quantity = quantity;
    }

    public Long getUnitPriceYen() {
      return unitPriceYen;
    }

    public void setUnitPriceYen(Long unitPriceYen) {
      this.unitPriceYen = unitPriceYen;
    }

    public TaxClass getTaxClass() {
      return taxClass;
    }

    public void setTaxClass(TaxClass taxClass) {
      this.taxClass = taxClass;
    }

    public LocalDate getTransactionDate() {
      return transactionDate;
    }

    public void setTransactionDate(LocalDate transactionDate) {
      this.transactionDate = transactionDate;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }
  }

  /** The most lines a statement version shows in one form. */
  static final int MAX_LINES = 500;

  private Integer basedOnVersion;

  @Valid
  @Size(max = MAX_LINES)
  private List<LineRow> lines = new ArrayList<>();

  @Valid
  @Size(max = 1)
  private List<NewLineRow> added = new ArrayList<>();

  /** The submission as the service takes it; a blank added line is left out. */
  StatementRevisions.Revision revision() {
    return new StatementRevisions.Revision(
        basedOnVersion, lines.stream().map(LineRow::edit).toList(),
        added.stream().filter(row -> !row.blank()).map(NewLineRow::line).toList());
  }

  public Integer getBasedOnVersion() {
    return basedOnVersion;
  }

  public void setBasedOnVersion(Integer basedOnVersion) {
    this.basedOnVersion = basedOnVersion;
  }

  public List<LineRow> getLines() {
    return lines;
  }

  public void setLines(List<LineRow> lines) {
    this.lines = lines;
  }

  public List<NewLineRow> getAdded() {
    return added;
  }

  public void setAdded(List<NewLineRow> added) {
    this.added = added;
  }
}
