package org.madoguchi.fees;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotStored;
import org.madoguchi.common.web.StoredIn;
import org.springframework.modulith.NamedInterface;

/**
 * The applicant's answer to a fee statement (fields mirror forms/statement-acceptance.form): accept it,
 * or dispute it with a reason of at least {@value #DISPUTE_REASON_MIN} characters. {@code version} names the
 * statement version answered: an answer to another than the current one is refused (409).
 */
@NamedInterface("api")
public record StatementResponseRequest(
    @NotNull @Size(max = 7) @Pattern(regexp = "accept|dispute", message = "{fees.validation.decision}")
        @NotStored("turned into the statement's status") String decision,
    @Size(max = 4000) @StoredIn("fee_statements.dispute_reason") String disputeReason,
    @NotNull(message = "{fees.validation.version}") @Min(value = 1, message = "{fees.validation.version}") Integer version) {

  static final int DISPUTE_REASON_MIN = 10;

  boolean accepted() {
    return "accept".equals(decision);
  }

  /**
   * The rule bean validation cannot express: a dispute needs a reason the finance officer can act on.
   * Returns the reason, stripped (null when accepting); throws naming {@code disputeReason} otherwise.
   */
  String checkedDisputeReason() {
    if (accepted()) {
      return null;
    }
    String reason = disputeReason == null ? "" : disputeReason.strip();
    if (reason.isEmpty()) {
      throw InvalidRequestException.of("disputeReason", "fees.validation.disputeReason.required");
    }
    if (reason.codePointCount(0, reason.length()) < DISPUTE_REASON_MIN) {
      throw InvalidRequestException.of("disputeReason", "fees.validation.disputeReason.too-short", DISPUTE_REASON_MIN);
    }
    return reason;
  }
}
