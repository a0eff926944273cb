package org.madoguchi.units;

import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * An operator qualified to run an instrument from {@code grantedOn} until the day before {@code
 * expiresOn} (null: no end).
 */
@NamedInterface("api")
public record OperatorQualification(
    long id, long instrumentId, long accountId, String operatorName, String operatorEmail, LocalDate grantedOn, LocalDate expiresOn) {

  public boolean validOn(LocalDate day) {
    return !day.isBefore(grantedOn) && (expiresOn == null || day.isBefore(expiresOn));
  }
}
