package org.madoguchi.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.madoguchi.common.web.InvalidRequestException.Violation;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.outcomes.OutcomeRequest.Paper;
import org.madoguchi.outcomes.OutcomeRequest.Patent;
import org.madoguchi.outcomes.OutcomeRequest.Seed;

class OutcomeRulesTest {

  private static List<String> fields(List<Violation> violations) {
    return violations.stream().map(Violation::field).toList();
  }

  @Test
  void aReportNeedsAtLeastOneEntry() {
    assertThat(fields(OutcomeRules.check(new OutcomeRequest(null, List.of(), null, "nothing yet"), Set.of(), Set.of())))
        .containsExactly("report");
    assertThat(OutcomeRules.check(new OutcomeRequest(null, null, List.of(new Seed("A hit", "hit")), null), Set.of(), Set.of()))
        .isEmpty();
  }

  @Test
  void aDoiIsReportedOncePerCaseIgnoringCase() {
    OutcomeRequest request =
        new OutcomeRequest(
            List.of(new Paper("10.1000/ABC", "x"), new Paper("10.1000/abc", "y"), new Paper("10.1000/old", "z")),
            null, null, null);
    List<Violation> violations = OutcomeRules.check(request, Set.of("10.1000/old"), Set.of());
    assertThat(fields(violations)).containsExactly("papers[1].doi", "papers[2].doi");
  }

  @Test
  void anApplicationNumberIsReportedOncePerCaseIgnoringBlanksAndCase() {
    OutcomeRequest request =
        new OutcomeRequest(
            null, List.of(new Patent("PCT/JP2026/000123", null), new Patent("pct/jp 2026/000123", null), new Patent("2026-012345", null)),
            null, null);
    assertThat(fields(OutcomeRules.check(request, Set.of(), Set.of("2026-012345"))))
        .containsExactly("patents[1].applicationNumber", "patents[2].applicationNumber");
    assertThat(OutcomeRules.applicationKey(" pct/jp 2026/000123 ")).isEqualTo("PCT/JP2026/000123");
    assertThat(OutcomeRules.doiKey(" 10.1038/S41586 ")).isEqualTo("10.1038/s41586");
  }

  @Test
  void outcomesAreReportableFromSupportOnUnlessTheCaseEndedWithoutIt() {
    assertThat(OutcomeRules.REPORTABLE)
        .containsExactlyInAnyOrder(
            CaseStatus.IN_SUPPORT, CaseStatus.FEE_ASSESSMENT, CaseStatus.AWAITING_STATEMENT_RESPONSE,
            CaseStatus.DATA_DEPOSIT, CaseStatus.CLOSED);
  }

  @Test
  void fieldRulesNameEachBadEntry() {
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      OutcomeRequest bad =
          new OutcomeRequest(
              List.of(new Paper("10.1038/ok", "fine"), new Paper("https://doi.org/10.1038/x", null), new Paper(" ", null)),
              List.of(new Patent("", "t")),
              List.of(new Seed("compound X", "approved"), new Seed(null, null)),
              null);
      List<String> fields =
          factory.getValidator().validate(bad).stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
      assertThat(fields)
          .containsExactly(
              "papers[1].doi", "papers[2].doi", "papers[2].doi", "patents[0].applicationNumber", "seeds[0].stage",
              "seeds[1].description");
    }
  }
}
