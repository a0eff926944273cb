package org.madoguchi.cases;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A support request as the applicant submits it (fields mirror forms/support-request.form). */
@NamedInterface("api")
public record SupportRequest(
    @NotBlank @Size(max = 200) String applicantName,
    @NotBlank @Size(max = 300) String affiliation,
    @NotBlank @Email @Size(max = 320) String email,
    @NotNull @Pattern(regexp = "academic|public|industry", message = "{validation.applicantCategory}")
        String applicantCategory,
    @Pattern(regexp = "ja|en", message = "{validation.language}") String language,
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(min = 20, max = 4000) String summary,
    @NotBlank @Size(max = 4000) String aims,
    @Size(max = 4000) String targets,
    @Size(max = 15) List<@NotBlank String> requestedServices,
    LocalDate desiredStart,
    LocalDate desiredEnd,
    @NotNull @Pattern(regexp = "open|patent-pending|confidential", message = "{validation.confidentiality}")
        String confidentiality,
    @Size(max = 2000) String fastTrackReason,
    @NotNull @AssertTrue(message = "{validation.dataPolicyAccepted}") Boolean dataPolicyAccepted) {

  /** Service codes of the request form; the unit-suggestion DMN maps them to units. */
  public static final List<String> SERVICE_CODES =
      List.of(
          "xray", "cryo-em", "nmr", "saxs", "neutron", "imaging", "omics", "in-vivo", "screening",
          "in-silico-screening", "medchem", "admet", "biologics", "data-analysis", "data-management");
}
