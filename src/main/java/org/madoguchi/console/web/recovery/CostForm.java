package org.madoguchi.console.web.recovery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.madoguchi.common.web.StoredIn;
import org.madoguchi.fees.recovery.CostKind;
import org.madoguchi.fees.recovery.UpkeepCosts;
import org.springframework.format.annotation.DateTimeFormat;

/** A cost entry as the costs page posts it. A bean, so that a number or date that does not parse is refused at its field. */
class CostForm {

  @NotNull(message = "{recovery.required}")
  private Long instrument;

  @NotNull(message = "{recovery.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate incurredOn;

  @NotNull(message = "{recovery.required}") @Size(max = 20, message = "{recovery.cost.kind.invalid}")
  @Pattern(regexp = "UPKEEP|REPAIR|SERVICE_CONTRACT|CONSUMABLES", message = "{recovery.cost.kind.invalid}")
  @StoredIn("upkeep_costs.kind")
  private String kind = CostKind.UPKEEP.name();

  @NotNull(message = "{recovery.required}") @Min(value = 1, message = "{recovery.cost.amount.range}")
  @Max(value = UpkeepCosts.MAX_AMOUNT_YEN, message = "{recovery.cost.amount.range}")
  private Long amountYen;

  @NotBlank(message = "{recovery.cost.description.required}") @Size(max = UpkeepCosts.MAX_TEXT, message = "{recovery.too-long}")
  @StoredIn("upkeep_costs.description")
  private String description = "";

  static CostForm forInstrument(Long instrument) {
    CostForm form = new CostForm();
    form.instrument = instrument;
    return form;
  }

  UpkeepCosts.NewCost cost() {
    return new UpkeepCosts.NewCost(instrument, incurredOn, CostKind.valueOf(kind), amountYen, description);
  }

  public Long getInstrument() {
    return instrument;
  }

  public void setInstrument(Long instrument) {
    this.instrument = instrument;
  }

  public LocalDate getIncurredOn() {
    return incurredOn;
  }

  public void setIncurredOn(LocalDate incurredOn) {
    this.incurredOn = incurredOn;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public Long getAmountYen() {
    return amountYen;
  }

  public void setAmountYen(Long amountYen) {
    this.amountYen = amountYen;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
