package org.madoguchi.fees.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.booking.InstrumentUsage.UsageOrigin;
import org.madoguchi.fees.StatementStatus;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.TaxClass;

/** Which statement lines recover an instrument's upkeep in a fiscal year, and how waivers reduce them. */
class RecoveredUpkeepTest {

  private static final long KRIOS = 7;
  private static final long NMR = 8;
  private static final FiscalYear FY2026 = new FiscalYear(2026);
  private static final LocalDate IN_YEAR = LocalDate.of(2026, 9, 1);

  private static final Map<Long, UsageOrigin> ORIGINS = Map.of(
      1L, new UsageOrigin(1, KRIOS, "instrument-upkeep", IN_YEAR),
      2L, new UsageOrigin(2, KRIOS, "instrument-upkeep", IN_YEAR),
      3L, new UsageOrigin(3, KRIOS, "reagent", IN_YEAR),
      4L, new UsageOrigin(4, KRIOS, "instrument-upkeep", LocalDate.of(2027, 4, 1)),
      5L, new UsageOrigin(5, NMR, "instrument-upkeep", LocalDate.of(2026, 4, 1)),
      6L, new UsageOrigin(6, NMR, "instrument-upkeep", LocalDate.of(2027, 3, 31)),
      7L, new UsageOrigin(7, NMR, "reagent", LocalDate.of(2027, 3, 31)));

  @Test
  void aWaiverOfALineReducesItsInstrumentsRecovery() {
    RecoveredUpkeep recovered = recovered(
        version(1, 1, line("USAGE", 1L, 100_000), line("WAIVER", 1L, -20_000), line("USAGE", 3L, 5_000)));
    assertThat(recovered.yen(KRIOS, ApplicantCategory.ACADEMIC)).isEqualTo(80_000);
    assertThat(recovered.yen(KRIOS, ApplicantCategory.INDUSTRY)).isZero();
  }

  @Test
  void aWaiverOfTheWholeCaseReducesEachUpkeepLineByItsShare() {
    // 60,000 of 100,000 before waivers is upkeep: it bears 6,000 of the 10,000 waived.
    RecoveredUpkeep recovered = recovered(
        version(2, 1, line("USAGE", 2L, 60_000), line("USAGE", 3L, 40_000), line("WAIVER", null, -10_000)));
    assertThat(recovered.yen(KRIOS, ApplicantCategory.INDUSTRY)).isEqualTo(54_000);
  }

  @Test
  void sharesAreKeptExactAndRoundedOncePerInstrumentAndCategory() {
    // Each upkeep line bears 1 x 33,333 / 100,000 of the one-yen waiver: 66,666 - 0.66666 = 66,665.33.
    RecoveredUpkeep recovered = recovered(
        version(3, 1, line("USAGE", 5L, 33_333), line("USAGE", 6L, 33_333), line("USAGE", 7L, 33_334), line("WAIVER", null, -1)));
    assertThat(recovered.yen(NMR, ApplicantCategory.OTHER)).isEqualTo(66_665);
  }

  @Test
  void onlyUseInTheYearAndOnlyTheLatestAcceptedVersionCount() {
    RecoveredUpkeep recovered = recovered(
        version(1, 1, line("USAGE", 1L, 100_000)),
        version(1, 2, line("USAGE", 1L, 70_000), line("USAGE", 4L, 41_000)),
        version(2, 1, line("ADJUSTMENT", null, 9_999)));
    assertThat(recovered.yen(KRIOS, ApplicantCategory.ACADEMIC)).isEqualTo(70_000);
    assertThat(recovered.yen(KRIOS, ApplicantCategory.INDUSTRY)).isZero();
    assertThat(recovered.yen(NMR, ApplicantCategory.ACADEMIC)).isZero();
  }

  @Test
  void categoriesOtherThanAcademicAndIndustryAreOther() {
    assertThat(ApplicantCategory.of("academic")).isEqualTo(ApplicantCategory.ACADEMIC);
    assertThat(ApplicantCategory.of("industry")).isEqualTo(ApplicantCategory.INDUSTRY);
    assertThat(ApplicantCategory.of("public")).isEqualTo(ApplicantCategory.OTHER);
  }

  @Test
  void fiscalYearsRunFromAprilToMarch() {
    assertThat(FiscalYear.of(LocalDate.of(2027, 3, 31))).isEqualTo(FY2026);
    assertThat(FiscalYear.of(LocalDate.of(2026, 4, 1))).isEqualTo(FY2026);
    assertThat(FiscalYear.of(LocalDate.of(2026, 3, 31))).isEqualTo(new FiscalYear(2025));
    assertThat(FY2026.first()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(FY2026.last()).isEqualTo(LocalDate.of(2027, 3, 31));
  }

  /** Case 1 is academic, case 2 industry, case 3 a public institute's. */
  private static RecoveredUpkeep recovered(StatementVersion... versions) {
    return RecoveredUpkeep.of(List.of(versions), ORIGINS,
        caseId -> caseId == 1 ? ApplicantCategory.ACADEMIC : caseId == 2 ? ApplicantCategory.INDUSTRY : ApplicantCategory.OTHER, FY2026);
  }

  private static StatementVersion version(long caseId, int version, StatementVersion.Line... lines) {
    Instant accepted = Instant.parse("2026-12-01T00:00:00Z");
    return new StatementVersion(caseId * 10, caseId, "TEST-" + caseId, version, true, StatementStatus.ACCEPTED, accepted, "finance", null,
        null, accepted, List.of(lines), null);
  }

  private static StatementVersion.Line line(String kind, Long usageItemId, long amountYen) {
    return new StatementVersion.Line(1, kind, usageItemId, "line", null, "cryo-em", IN_YEAR, BigDecimal.ONE, amountYen, BigDecimal.ONE,
        "rule", TaxClass.STANDARD, amountYen, null, null);
  }
}
