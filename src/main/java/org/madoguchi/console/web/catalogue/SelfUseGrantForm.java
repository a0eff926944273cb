package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.NotStored;

/** Grants an applicant, named by their e-mail address, the self-use qualification of an instrument. */
public class SelfUseGrantForm {

  @NotBlank(message = "{catalogue.required}") @Email(message = "{selfuse.section.applicant.invalid}")
  @Size(max = 320, message = "{catalogue.too-long}") @NotStored("looked up: the qualification keeps the account")
  private String applicant;

  public String getApplicant() {
    return applicant;
  }

  public void setApplicant(String applicant) {
    this.applicant = applicant;
  }
}
