package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.madoguchi.common.web.NotStored;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An operator (by e-mail address, as the unit's operators list offers them) and the dates of the
 * qualification. A bean, so that a date that does not parse is refused at its field (see {@link InstrumentForm}).
 */
class QualificationForm {

  @NotBlank(message = "{catalogue.qualification.operator.required}") @Size(max = 320, message = "{catalogue.too-long}")
  @NotStored("looked up among the unit's operators; their account id is stored")
  private String operator;

  @NotNull(message = "{catalogue.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate grantedOn;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate expiresOn;

  static QualificationForm startingOn(LocalDate today) {
    QualificationForm form = new QualificationForm();
    form.operator = "";
    form.grantedOn = today;
    return form;
  }

  public String getOperator() {
    return operator;
  }

  public void setOperator(String operator) {
    this.operator = operator;
  }

  public LocalDate getGrantedOn() {
    return grantedOn;
  }

  public void setGrantedOn(LocalDate grantedOn) {
    this.grantedOn = grantedOn;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }
}
