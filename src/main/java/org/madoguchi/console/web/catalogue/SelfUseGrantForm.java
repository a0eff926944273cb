package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Grants an applicant, named by their e-mail address, the self-use qualification of an instrument. */
public class SelfUseGrantForm {

  @NotBlank @Email @Size(max = 320) private String applicant;

  public String getApplicant() {
    return applicant;
  }

  public void setApplicant(String applicant) {
    this.applicant = applicant;
  }
}
