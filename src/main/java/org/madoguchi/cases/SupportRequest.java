package org.madoguchi.cases;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.madoguchi.common.web.StoredIn;
import org.springframework.modulith.NamedInterface;

/** A support request as the applicant submits it (fields mirror forms/support-request.form). */
@NamedInterface("api")
public record SupportRequest(
    @NotBlank @Size(max = 200) @StoredIn("cases.applicant_name") String applicantName,
    @NotBlank @Size(max = 300) @StoredIn("cases.affiliation") String affiliation,
    @NotBlank @Email @Size(max = 320) @StoredIn("cases.email") String email,
    @NotNull @Size(max = 20) @Pattern(regexp = "academic|public|industry", message = "{validation.applicantCategory}")
        @StoredIn("cases.applicant_category") String applicantCategory,
    @Size(max = 5) @Pattern(regexp = "ja|en", message = "{validation.language}") @StoredIn("cases.language") String language,
    @NotBlank @Size(max = 200) @StoredIn("cases.title") String title,
    @NotBlank @Size(min = 20, max = 4000) @StoredIn("cases.summary") String summary,
    @NotBlank @Size(max = 4000) @StoredIn("cases.aims") String aims,
    @Size(max = 4000) @StoredIn("cases.targets") String targets,
    @Size(max = 15) @StoredIn("cases.requested_services") List<@NotBlank @Size(max = 40) String> requestedServices,
    LocalDate desiredStart,
    LocalDate desiredEnd,
    @NotNull @Size(max = 20) @Pattern(regexp = "open|patent-pending|confidential", message = "{validation.confidentiality}")
        @StoredIn("cases.confidentiality") String confidentiality,
    @Size(max = 2000) @StoredIn("cases.fast_track_reason") String fastTrackReason,
    @NotNull @AssertTrue(message = "{validation.dataPolicyAccepted}") Boolean dataPolicyAccepted) {

  /** Service codes of the request form; the unit-suggestion DMN maps them to units. */
  public static final List<String> SERVICE_CODES =
      List.of(
          "xray", "cryo-em", "nmr", "saxs", "neutron", "imaging", "omics", "in-vivo", "screening",
          "in-silico-screening", "medchem", "admet", "biologics", "data-analysis", "data-management");
}
