package org.madoguchi.cases;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Lets a feature veto an applicant's cancellation (e.g. booking, once instrument use is recorded).
 * Returns the message key of the reason, or empty when cancelling is fine.
 */
@NamedInterface("api")
public interface CancellationGuard {

  Optional<String> objection(long caseId);
}
