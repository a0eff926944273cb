package org.madoguchi.deposit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.madoguchi.common.web.StoredIn;
import org.springframework.modulith.NamedInterface;

/**
 * A deposit as the applicant submits it (fields mirror forms/data-deposit.form). Bean validation
 * covers each field on its own; {@link DepositRules} the rules that span fields or need the case.
 */
@NamedInterface("api")
public record DepositRequest(
    @NotBlank @Size(max = 300) @StoredIn("deposits.title") String title,
    @NotBlank @Size(max = 8000) @StoredIn("deposits.description") String description,
    @NotNull @Size(max = 20) @Pattern(regexp = DepositRules.LICENCES, message = "{deposit.validation.licence}")
        @StoredIn("deposits.licence") String licence,
    @NotNull @Size(max = 30) @Pattern(regexp = DepositRules.EMBARGOES, message = "{deposit.validation.embargo}")
        @StoredIn("deposits.embargo") String embargo,
    @Size(max = 40) @Pattern(regexp = DepositRules.ACCESSION, message = "{deposit.validation.publicAccession}")
        @StoredIn("deposits.public_accession") String publicAccession,
    @Size(max = 300) @Pattern(regexp = DepositRules.DOI, message = "{deposit.validation.relatedPublication}")
        @StoredIn("deposits.related_publication") String relatedPublication,
    @NotEmpty @Size(max = DepositRules.MAX_FILES) List<@NotNull @Valid FileEntry> files) {

  /** One manifest line: a path relative to the dataset root, its size and its SHA-256 checksum. */
  @NamedInterface("api")
  public record FileEntry(
      @NotBlank @Size(max = 1000) @StoredIn("deposit_files.path") String path,
      @NotNull @PositiveOrZero @Max(DepositRules.MAX_FILE_BYTES) Long sizeBytes,
      @NotNull @Size(max = 64) @Pattern(regexp = DepositRules.SHA256, message = "{deposit.validation.sha256}")
          @StoredIn("deposit_files.sha256") String sha256) {}
}
