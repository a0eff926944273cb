package org.madoguchi.fees;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Which fee table the engine prices with now: the latest deployed version of the DMN decision
 * {@code fee-schedule}, as {@code fee-schedule v7 (2027-04)} (engine version, and the version tag when the
 * deployment had one). Implemented by the module that deploys models; {@code fees.assess} records it on
 * each fee line. Empty when it is not known (nothing recorded a deployment of the table): a statement then
 * records no fee table rather than a guess.
 */
@NamedInterface("api")
public interface FeeScheduleVersions {

  /** Longest answer a statement version holds ({@code fee_statement_versions.fee_schedule}). */
  int MAX_LENGTH = 130;

  Optional<String> current();
}
