package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.madoguchi.booking.SelfUseQualifications.SelfUseRules;

/** The self-use rules of an instrument as its catalogue page edits them (limits as the table's checks). */
public class SelfUseRulesForm {

  private boolean allowed;

  @NotNull @Min(1) @Max(50) private Integer maxBookingsPerWeek;

  @NotNull @Min(1) @Max(10000) private Integer quotaHoursPerCase;

  static SelfUseRulesForm of(SelfUseRules rules) {
    SelfUseRulesForm form = new SelfUseRulesForm();
    form.allowed = rules.allowed();
    form.maxBookingsPerWeek = rules.maxBookingsPerWeek();
    form.quotaHoursPerCase = rules.quotaHoursPerCase();
    return form;
  }

  SelfUseRules rules(long instrumentId) {
    return new SelfUseRules(instrumentId, allowed, maxBookingsPerWeek, quotaHoursPerCase);
  }

  public boolean isAllowed() {
    return allowed;
  }

  public void setAllowed(boolean allowed) {
    this.allowed = allowed;
  }

  public Integer getMaxBookingsPerWeek() {
    return maxBookingsPerWeek;
  }

  public void setMaxBookingsPerWeek(Integer maxBookingsPerWeek) {
    this.maxBookingsPerWeek = maxBookingsPerWeek;
  }

  public Integer getQuotaHoursPerCase() {
    return quotaHoursPerCase;
  }

  public void setQuotaHoursPerCase(Integer quotaHoursPerCase) {
    this.quotaHoursPerCase = quotaHoursPerCase;
  }
}
