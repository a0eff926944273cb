package org.madoguchi.console.web.billing;

import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
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
  private Map<Integer, Long> amounts = new LinkedHashMap<>();

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

  public Map<Integer, Long> getAmounts() {
    return amounts;
  }

  public void setAmounts(Map<Integer, Long> amounts) {
    this.amounts = amounts;
  }

  boolean wholeInvoice() {
    return "whole".equals(scope);
  }

  /** The lines given an amount (a blank one is not credited). */
  Map<Integer, Long> chosenAmounts() {
    Map<Integer, Long> chosen = new LinkedHashMap<>();
    amounts.entrySet().stream().filter(e -> Objects.nonNull(e.getValue())).forEach(e -> chosen.put(e.getKey(), e.getValue()));
    return chosen;
  }
}
