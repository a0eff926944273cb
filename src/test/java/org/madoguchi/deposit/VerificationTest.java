package org.madoguchi.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerificationTest {

  @Test
  void formValuesMapToDecisions() {
    assertThat(Verification.of("verified").result()).isEqualTo(DatasetStatus.VERIFIED);
    assertThat(Verification.of("send-back").result()).isEqualTo(DatasetStatus.SENT_BACK);
    assertThat(Verification.of("exempt").result()).isEqualTo(DatasetStatus.EXEMPTED);
    assertThatThrownBy(() -> Verification.of("approve")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Verification.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyADepositCanBeVerifiedOrSentBack() {
    for (DatasetStatus status : DatasetStatus.values()) {
      assertThat(Verification.VERIFIED.appliesTo(status)).isEqualTo(status == DatasetStatus.DEPOSITED);
      assertThat(Verification.SEND_BACK.appliesTo(status)).isEqualTo(status == DatasetStatus.DEPOSITED);
    }
  }

  @Test
  void anythingNotSettledCanBeExempted() {
    assertThat(Verification.EXEMPT.appliesTo(DatasetStatus.AWAITING_DEPOSIT)).isTrue();
    assertThat(Verification.EXEMPT.appliesTo(DatasetStatus.SENT_BACK)).isTrue();
    assertThat(Verification.EXEMPT.appliesTo(DatasetStatus.DEPOSITED)).isTrue();
    assertThat(Verification.EXEMPT.appliesTo(DatasetStatus.VERIFIED)).isFalse();
  }

  @Test
  void depositsAreTakenWhileAwaitedOrAfterASendBackOnly() {
    assertThat(DatasetStatus.values())
        .filteredOn(DatasetStatus::acceptsDeposit)
        .containsExactly(DatasetStatus.AWAITING_DEPOSIT, DatasetStatus.SENT_BACK);
    assertThat(DatasetStatus.values())
        .filteredOn(DatasetStatus::isSettled)
        .containsExactly(DatasetStatus.VERIFIED, DatasetStatus.EXEMPTED);
  }
}
