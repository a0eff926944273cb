package org.madoguchi.units;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.modulith.NamedInterface;

/**
 * The {@code unitSupportResult} a unit's support ends with (see docs/processes.md): completed with the
 * recorded session, or returned to the desk with a reason.
 */
@NamedInterface("api")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitSupportResult(String unitCode, String outcome, Long usageRecordId, String reason) {

  public static UnitSupportResult completed(String unitCode, long usageRecordId) {
    return new UnitSupportResult(unitCode, "completed", usageRecordId, null);
  }

  public static UnitSupportResult returned(String unitCode, String reason) {
    return new UnitSupportResult(unitCode, "returned", null, reason);
  }
}
