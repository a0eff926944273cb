package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.madoguchi.common.web.InvalidRequestException;

/** The dispute-reason rule of forms/statement-acceptance.form. */
class StatementResponseRequestTest {

  @Test
  void acceptingNeedsNoReasonAndDropsAnyGiven() {
    assertThat(new StatementResponseRequest("accept", null, 1).checkedDisputeReason()).isNull();
    assertThat(new StatementResponseRequest("accept", "whatever it says", 1).checkedDisputeReason()).isNull();
  }

  @Test
  void disputingNeedsAReasonOfAtLeastTenCharacters() {
    assertThatThrownBy(() -> new StatementResponseRequest("dispute", null, 1).checkedDisputeReason())
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.violations()).extracting(InvalidRequestException.Violation::field).containsExactly("disputeReason"));
    assertThatThrownBy(() -> new StatementResponseRequest("dispute", "  too short  ", 1).checkedDisputeReason())
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("fees.validation.disputeReason.too-short"));
  }

  @Test
  void japaneseReasonsCountCharactersNotBytes() {
    assertThat(new StatementResponseRequest("dispute", "装置維持費の時間数が実績と異なります", 1).checkedDisputeReason())
        .isEqualTo("装置維持費の時間数が実績と異なります");
    assertThatThrownBy(() -> new StatementResponseRequest("dispute", "金額が違う", 1).checkedDisputeReason())
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void theReasonIsStripped() {
    assertThat(new StatementResponseRequest("dispute", "  the hours are wrong  ", 1).checkedDisputeReason()).isEqualTo("the hours are wrong");
  }
}
