package org.madoguchi.fees;

/** Where a fee line comes from (stored in {@code fee_lines.kind}, read as {@link StatementVersion.Line#kind()}). */
enum LineKind {
  /** Priced from recorded use by the fee schedule. */
  USAGE,
  /** Added by finance, or a usage line finance changed. */
  ADJUSTMENT,
  /** A waiver granted by the desk or finance: the negative of what it waives. */
  WAIVER
}
