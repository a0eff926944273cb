package org.madoguchi.cases;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** Where a case stands in the journey, with the transitions the journey allows. */
@NamedInterface("api")
public enum CaseStatus {
  SUBMITTED,
  IN_CONSULTATION,
  AWAITING_INFORMATION,
  IN_SUPPORT,
  FEE_ASSESSMENT,
  AWAITING_STATEMENT_RESPONSE,
  DATA_DEPOSIT,
  CLOSED,
  DECLINED,
  EXPIRED,
  CANCELLED;

  /** States from which the applicant may still cancel (before any instrument use is recorded). */
  public static final Set<CaseStatus> CANCELLABLE =
      EnumSet.of(SUBMITTED, IN_CONSULTATION, AWAITING_INFORMATION, IN_SUPPORT);

  public boolean isFinal() {
    return this == CLOSED || this == DECLINED || this == EXPIRED || this == CANCELLED;
  }

  boolean canMoveTo(CaseStatus target) {
    if (isFinal()) {
      return false;
    }
    return switch (target) {
      case SUBMITTED -> false;
      case IN_CONSULTATION -> this == SUBMITTED || this == AWAITING_INFORMATION || this == IN_SUPPORT;
      // From IN_SUPPORT too: a unit returned the request and the desk consults again.
      case AWAITING_INFORMATION -> this == IN_CONSULTATION || this == IN_SUPPORT;
      case IN_SUPPORT -> this == IN_CONSULTATION;
      case FEE_ASSESSMENT -> this == IN_SUPPORT || this == AWAITING_STATEMENT_RESPONSE;
      case AWAITING_STATEMENT_RESPONSE -> this == FEE_ASSESSMENT;
      case DATA_DEPOSIT -> this == FEE_ASSESSMENT || this == AWAITING_STATEMENT_RESPONSE;
      case CLOSED -> this == DATA_DEPOSIT;
      case DECLINED -> this == IN_CONSULTATION || this == IN_SUPPORT;
      case EXPIRED -> this == AWAITING_INFORMATION;
      case CANCELLED -> CANCELLABLE.contains(this);
    };
  }
}
