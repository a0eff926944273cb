package org.madoguchi.outcomes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.madoguchi.common.web.StoredIn;
import org.springframework.modulith.NamedInterface;

/** An outcome report as the applicant submits it (fields mirror forms/outcome-report.form). */
@NamedInterface("api")
public record OutcomeRequest(
    @Size(max = 100) List<@NotNull @Valid Paper> papers,
    @Size(max = 100) List<@NotNull @Valid Patent> patents,
    @Size(max = 100) List<@NotNull @Valid Seed> seeds,
    @Size(max = 4000) @StoredIn("outcome_reports.notes") String notes) {

  @NamedInterface("api")
  public record Paper(
      @NotBlank @Size(max = 300) @Pattern(regexp = OutcomeRules.DOI, message = "{outcomes.validation.doi}") @StoredIn("outcomes.doi")
          String doi,
      @Size(max = 500) @StoredIn("outcomes.title") String title) {}

  @NamedInterface("api")
  public record Patent(
      @NotBlank @Size(max = 100) @StoredIn("outcomes.application_number") String applicationNumber,
      @Size(max = 500) @StoredIn("outcomes.title") String title) {}

  @NamedInterface("api")
  public record Seed(
      @NotBlank @Size(max = 1000) @StoredIn("outcomes.description") String description,
      @Size(max = 20) @Pattern(regexp = OutcomeRules.STAGES, message = "{outcomes.validation.stage}") @StoredIn("outcomes.stage")
          String stage) {}

  List<Paper> paperList() {
    return papers == null ? List.of() : papers;
  }

  List<Patent> patentList() {
    return patents == null ? List.of() : patents;
  }

  List<Seed> seedList() {
    return seeds == null ? List.of() : seeds;
  }
}
