package org.madoguchi.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.RecordedEvent;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.SupportRequest;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;

@MadoguchiIT
class UnitAssignmentIT {

  private static final AtomicLong KEYS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000 + 500);

  @Autowired UnitAssignments assignments;
  @Autowired UnitAssignmentRepository repository;
  @Autowired UnitCatalogue catalogue;
  @Autowired CaseFile caseFile;
  @Autowired Submissions submissions;
  @Autowired Accounts accounts;

  @Test
  void theCatalogueHasTheTenSeededUnitsAndTheirInstruments() {
    assertThat(catalogue.units()).extracting(SupportUnit::code)
        .contains("structure", "imaging", "omics", "invivo", "screening", "medchem", "admet", "biologics", "insilico", "data");
    assertThat(catalogue.unit("structure")).hasValueSatisfying(u -> {
      assertThat(u.name("ja")).isEqualTo("タンパク質構造解析");
      assertThat(u.name("en")).isEqualTo("Protein structure analysis");
    });
    assertThat(catalogue.isKnownUnit("structure")).isTrue();
    assertThat(catalogue.isKnownUnit("astrology")).isFalse();
    assertThat(catalogue.isKnownUnit(null)).isFalse();
    assertThat(catalogue.bookableInstruments("structure", "cryo-em")).hasSize(2)
        .allSatisfy(i -> assertThat(i.hourlyUpkeepYen()).isPositive());
    assertThat(catalogue.bookableInstruments("structure", null)).extracting(Instrument::instrumentClass)
        .contains("cryo-em", "xray", "nmr", "saxs");
    for (SupportUnit unit : catalogue.units()) {
      if (List.of("structure", "imaging", "omics", "invivo", "screening", "medchem", "admet", "biologics", "insilico", "data")
          .contains(unit.code())) {
        assertThat(catalogue.instruments(unit.code())).as(unit.code()).isNotEmpty();
      }
    }
  }

  @Test
  void aReturnIsRecordedOnceAndAnswersTheDeskEveryTime() {
    long caseId = newCase();
    long instance = KEYS.incrementAndGet();
    AssignmentDecision decision =
        AssignmentDecision.of(caseId, "omics", instance, "return", null, null, null, null, "Needs purified protein first");

    var first = assignments.record(decision);
    var again = assignments.record(decision);
    // even a changed mind in a repeated job does not overwrite what was recorded
    var changed = assignments.record(
        AssignmentDecision.of(caseId, "omics", instance, "accept", "Sato", BigDecimal.ONE, null, null, null));

    assertThat(first).contains(UnitSupportResult.returned("omics", "Needs purified protein first"));
    assertThat(again).isEqualTo(first);
    assertThat(changed).isEqualTo(first);
    assertThat(repository.findByCaseIdOrderByIdAsc(caseId)).singleElement().satisfies(a -> {
      assertThat(a.decision()).isEqualTo("return");
      assertThat(a.returnReason()).isEqualTo("Needs purified protein first");
      assertThat(a.roundNo()).isEqualTo(1);
    });
    assertThat(actions(caseId)).containsOnlyOnce("unit-returned");
  }

  @Test
  void anAcceptanceIsStoredWithItsPlanAndAReplannedUnitGetsANewRound() {
    long caseId = newCase();
    var accepted = assignments.record(
        AssignmentDecision.of(
            caseId, "structure", KEYS.incrementAndGet(), "accept", "Sato Hanako", new BigDecimal("24"), "cryo-em",
            "2026-06-01", null));
    var secondRound = assignments.record(
        AssignmentDecision.of(caseId, "structure", KEYS.incrementAndGet(), "return", null, null, null, null, "Sample unstable"));

    assertThat(accepted).isEmpty();
    assertThat(secondRound).isPresent();
    List<UnitAssignment> rows = repository.findByCaseIdOrderByIdAsc(caseId);
    assertThat(rows).extracting(UnitAssignment::roundNo).containsExactly(1, 2);
    UnitAssignment acceptance = rows.get(0);
    assertThat(acceptance.leadOperator()).isEqualTo("Sato Hanako");
    assertThat(acceptance.estimatedHours()).isEqualByComparingTo("24");
    assertThat(acceptance.instrumentClass()).isEqualTo("cryo-em");
    assertThat(acceptance.preferredStart()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(acceptance.decidedAt()).isNotNull();
    assertThat(actions(caseId)).containsSubsequence("unit-accepted", "unit-returned");
  }

  @Test
  void anUnknownUnitIsRefusedAndNothingIsWritten() {
    long caseId = newCase();
    AssignmentDecision decision =
        AssignmentDecision.of(caseId, "astrology", KEYS.incrementAndGet(), "accept", "Sato", BigDecimal.TEN, null, null, null);

    assertThatThrownBy(() -> assignments.record(decision))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown support unit 'astrology'");
    assertThat(repository.findByCaseIdOrderByIdAsc(caseId)).isEmpty();
    assertThat(actions(caseId)).doesNotContain("unit-accepted");
  }

  private long newCase() {
    String email = "units-" + System.nanoTime() + "@lab.example.ac.jp";
    Account account = accounts.ensure(email, "secret-" + email, "Units Tester", "ja", Set.of(Role.APPLICANT));
    return submissions
        .submit(
            account.id(),
            new SupportRequest(
                "佐藤 花子", "Institute of Test Science", email, "industry", "en", "Target profiling",
                "We would like to profile the targets of a natural product by proteomics.", "Target list.", null,
                List.of("omics"), null, null, "confidential", null, true))
        .caseId();
  }

  private List<String> actions(long caseId) {
    return caseFile.history(caseId).stream().map(RecordedEvent::action).toList();
  }
}
