package org.madoguchi.fees;

import org.springframework.modulith.NamedInterface;

/**
 * How consumption tax applies to a fee line. The rate of {@link #STANDARD} and {@link #REDUCED} is a
 * setting ({@link FeesProperties}); a reduced-rate line carries the mark a qualified invoice requires.
 */
@NamedInterface("api")
public enum TaxClass {
  /** The standard rate (10 % since October 2019). */
  STANDARD,
  /** The reduced rate (8 %): marked on statements and invoices. */
  REDUCED,
  /** Taxable at 0 % (an export of services). */
  ZERO_RATED,
  /** Not subject to consumption tax (非課税 / 不課税). */
  EXEMPT;

  /** Whether the line counts towards a taxable total at all. */
  public boolean isTaxable() {
    return this != EXEMPT;
  }
}
