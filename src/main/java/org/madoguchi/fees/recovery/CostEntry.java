package org.madoguchi.fees.recovery;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * A cost entry as the pages show it.
 *
 * @param amountYen positive; negative on a reversing entry
 * @param reversesId the entry a reversing entry cancels, or null
 * @param reversalReason why it was reversed (on the reversing entry)
 * @param reversedBy the reversing entry of this one, or null while it stands
 */
@NamedInterface("api")
public record CostEntry(
    long id,
    long instrumentId,
    LocalDate incurredOn,
    CostKind kind,
    long amountYen,
    String description,
    Long reversesId,
    String reversalReason,
    Long reversedBy,
    String recordedBy,
    Instant recordedAt) {

  public boolean isReversal() {
    return reversesId != null;
  }

  /** An entry may be reversed once, and a reversal is never reversed itself. */
  public boolean reversible() {
    return reversesId == null && reversedBy == null;
  }
}
