package org.madoguchi.console.web.recovery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.StoredIn;
import org.madoguchi.fees.recovery.UpkeepCosts;

/** Why a cost entry is reversed. */
class ReversalForm {

  @NotBlank(message = "{recovery.reversal.reason.required}") @Size(max = UpkeepCosts.MAX_TEXT, message = "{recovery.too-long}")
  @StoredIn("upkeep_costs.reversal_reason")
  private String reason = "";

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
