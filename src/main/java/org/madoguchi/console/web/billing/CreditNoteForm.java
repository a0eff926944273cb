package org.madoguchi.console.web.billing;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.madoguchi.common.web.NotStored;
import org.madoguchi.common.web.StoredIn;

/**
 * A credit note to issue: the reason, and either the whole invoice or, per invoice line number, the yen to
 * credit (a blank line is not credited).
 */
public class CreditNoteForm {

  @Size(max = 1000, message = "{billing.too-long}")
  @StoredIn("invoices.reason")
  private String reason;

  @NotStored("tells which lines the credit note covers")
  @Size(max = 7, message = "{billing.too-long}")
  private String scope = "lines";

  @Size(max = 500, message = "{billing.too-long}")
  private List<CreditedLine> lines = new ArrayList<>();

  /** One invoice line's row of the form: its number, and the yen to credit on it (blank: not credited). */
  public static class CreditedLine {
    private Integer lineNo;
    private Long amount;

    public Integer getLineNo() {
      return lineNo;
    }

    public void setLineNo(Integer lineNo) {
      this.lineNo = lineNo;
    }

    public Long getAmount() {
      return amount;
    }

    public void setAmount(Long amount) {
      this.amount = amount;
    }
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public List<CreditedLine> getLines() {
    return lines;
  }

  public void setLines(List<CreditedLine> lines) {
    this.lines = lines;
  }

  /** The amount entered for an invoice line, for showing the form again. */
  public Long amountOf(int lineNo) {
    return lines.stream().filter(l -> l != null && Integer.valueOf(lineNo).equals(l.getLineNo())).map(CreditedLine::getAmount)
        .filter(Objects::nonNull).findFirst().orElse(null);
  }

  boolean wholeInvoice() {
    return "whole".equals(scope);
  }

  /** The lines given an amount (a blank one is not credited). */
  Map<Integer, Long> chosenAmounts() {
    Map<Integer, Long> chosen = new LinkedHashMap<>();
    lines.stream()
        .filter(l -> l != null && l.getLineNo() != null && l.getAmount() != null)
        .forEach(l -> chosen.put(l.getLineNo(), l.getAmount()));
    return chosen;
  }
}
