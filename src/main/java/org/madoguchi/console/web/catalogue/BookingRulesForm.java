package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.madoguchi.units.BookingRuleValues;
import org.madoguchi.units.InstrumentBookingRules;

/**
 * An instrument's booking rules as its page edits them: minutes for the grid and the session lengths,
 * hours for the notice. A bean, so a value that does not convert is refused at its field; the limits
 * across fields are {@link BookingRuleValues}'.
 */
class BookingRulesForm {

  @NotNull(message = "{catalogue.required}")
  @Min(value = BookingRuleValues.CELL_MINUTES, message = "{catalogue.rules.granularity.invalid}")
  @Max(value = BookingRuleValues.MAX_GRANULARITY_MINUTES, message = "{catalogue.rules.granularity.invalid}")
  private Integer granularityMinutes;

  @NotNull(message = "{catalogue.required}")
  @Min(value = BookingRuleValues.CELL_MINUTES, message = "{catalogue.rules.session.range}")
  @Max(value = BookingRuleValues.MAX_SESSION_MINUTES, message = "{catalogue.rules.session.range}")
  private Integer minSessionMinutes;

  @NotNull(message = "{catalogue.required}")
  @Min(value = BookingRuleValues.CELL_MINUTES, message = "{catalogue.rules.session.range}")
  @Max(value = BookingRuleValues.MAX_SESSION_MINUTES, message = "{catalogue.rules.session.range}")
  private Integer maxSessionMinutes;

  @NotNull(message = "{catalogue.required}")
  @Min(value = 0, message = "{catalogue.rules.hours.range}")
  @Max(value = BookingRuleValues.MAX_NOTICE_HOURS, message = "{catalogue.rules.hours.range}")
  private Integer leadTimeHours;

  @NotNull(message = "{catalogue.required}")
  @Min(value = 0, message = "{catalogue.rules.hours.range}")
  @Max(value = BookingRuleValues.MAX_NOTICE_HOURS, message = "{catalogue.rules.hours.range}")
  private Integer lateCancellationHours;

  static BookingRulesForm of(InstrumentBookingRules rules) {
    BookingRuleValues values = BookingRuleValues.of(rules);
    BookingRulesForm form = new BookingRulesForm();
    form.granularityMinutes = values.granularityMinutes();
    form.minSessionMinutes = values.minSessionMinutes();
    form.maxSessionMinutes = values.maxSessionMinutes();
    form.leadTimeHours = values.leadTimeHours();
    form.lateCancellationHours = values.lateCancellationHours();
    return form;
  }

  BookingRuleValues values() {
    return new BookingRuleValues(granularityMinutes, minSessionMinutes, maxSessionMinutes, leadTimeHours, lateCancellationHours);
  }

  public Integer getGranularityMinutes() {
    return granularityMinutes;
  }

  public void setGranularityMinutes(Integer granularityMinutes) {
    this.granularityMinutes = granularityMinutes;
  }

  public Integer getMinSessionMinutes() {
    return minSessionMinutes;
  }

  public void setMinSessionMinutes(Integer minSessionMinutes) {
    this.minSessionMinutes = minSessionMinutes;
  }

  public Integer getMaxSessionMinutes() {
    return maxSessionMinutes;
  }

  public void setMaxSessionMinutes(Integer maxSessionMinutes) {
    this.maxSessionMinutes = maxSessionMinutes;
  }

  public Integer getLeadTimeHours() {
    return leadTimeHours;
  }

  public void setLeadTimeHours(Integer leadTimeHours) {
    this.leadTimeHours = leadTimeHours;
  }

  public Integer getLateCancellationHours() {
    return lateCancellationHours;
  }

  public void setLateCancellationHours(Integer lateCancellationHours) {
    this.lateCancellationHours = lateCancellationHours;
  }
}
