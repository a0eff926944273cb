package org.madoguchi.fees.recovery;

import org.springframework.modulith.NamedInterface;

/** What an instrument's cost entry paid for. */
@NamedInterface("api")
public enum CostKind {
  UPKEEP,
  REPAIR,
  SERVICE_CONTRACT,
  CONSUMABLES
}
