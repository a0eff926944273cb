package org.madoguchi.deposit;

/** A data steward's decision, as the deposit-verification form sets {@code verification}. */
enum Verification {
  VERIFIED("verified", DatasetStatus.VERIFIED),
  SEND_BACK("send-back", DatasetStatus.SENT_BACK),
  EXEMPT("exempt", DatasetStatus.EXEMPTED);

  private final String code;
  private final DatasetStatus result;

  Verification(String code, DatasetStatus result) {
    this.code = code;
    this.result = result;
  }

  static Verification of(String code) {
    for (Verification v : values()) {
      if (v.code.equals(code)) {
        return v;
      }
    }
    throw new IllegalArgumentException("verification must be verified, send-back or exempt, was " + code);
  }

  String code() {
    return code;
  }

  DatasetStatus result() {
    return result;
  }

  /** Verified and send-back judge a deposit; a steward may exempt any dataset not yet settled. */
  boolean appliesTo(DatasetStatus status) {
    return switch (this) {
      case VERIFIED, SEND_BACK -> status == DatasetStatus.DEPOSITED;
      case EXEMPT -> !status.isSettled();
    };
  }
}
