package org.madoguchi.cases;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * Evidence, kept by a feature, that a case's process ran a step (e.g. opened a staff task) at or after
 * a moment: the reconciliation reads it to tell a message the engine correlated from one it dropped.
 */
@NamedInterface("api")
public interface ProcessProgress {

  boolean progressedSince(long caseId, Instant since);
}
