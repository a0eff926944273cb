package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.madoguchi.common.web.StoredIn;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A day the facility closes besides the public holidays. A bean, so that a date that does not parse is
 * refused at its field (see {@link InstrumentForm}).
 */
class ClosureForm {

  @NotNull(message = "{catalogue.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate closedOn;

  @NotBlank(message = "{catalogue.required}") @Size(max = 200, message = "{catalogue.too-long}") @StoredIn("facility_closures.reason")
  private String reason = "";

  public LocalDate getClosedOn() {
    return closedOn;
  }

  public void setClosedOn(LocalDate closedOn) {
    this.closedOn = closedOn;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
