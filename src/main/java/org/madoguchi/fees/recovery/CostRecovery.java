package org.madoguchi.fees.recovery;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.madoguchi.booking.InstrumentUsage;
import org.madoguchi.booking.InstrumentUsage.UsageOrigin;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.StatementVersions;
import org.madoguchi.fees.recovery.RecoveryReport.Figures;
import org.madoguchi.fees.recovery.RecoveryReport.InstrumentRow;
import org.madoguchi.fees.recovery.RecoveryReport.UnitSection;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cost recovery report: per instrument and fiscal year, the costs recorded ({@link UpkeepCosts}), the
 * hours used (booking's recorded sessions, on the day each starts), the upkeep recovered through fees (the
 * instrument-upkeep lines of the statements accepted so far, on the day of the use they price, before
 * consumption tax; {@link RecoveredUpkeep}) by applicant category, and the share the facility bears.
 */
@NamedInterface("api")
@Service
public class CostRecovery {

  private final UnitCatalogue catalogue;
  private final UpkeepCosts costs;
  private final InstrumentUsage usage;
  private final StatementVersions statements;
  private final CaseFile caseFile;
  private final Clock clock;

  CostRecovery(
      UnitCatalogue catalogue, UpkeepCosts costs, InstrumentUsage usage, StatementVersions statements, CaseFile caseFile, Clock clock) {
    this.catalogue = catalogue;
    this.costs = costs;
    this.usage = usage;
    this.statements = statements;
    this.caseFile = caseFile;
    this.clock = clock;
  }

  /** The report of the units (their active instruments, and retired ones with a figure in the year), by unit code. */
  @Transactional(readOnly = true)
  public RecoveryReport report(FiscalYear year, Collection<String> unitCodes) {
    Map<Long, Long> costTotals = costs.totals(year);
    Map<Long, BigDecimal> hours = usage.hoursUsed(year.first(), year.last());
    RecoveredUpkeep recovered = recovered(year);
    List<UnitSection> units = new ArrayList<>();
    Figures total = Figures.NONE;
    for (String unitCode : unitCodes.stream().sorted().distinct().toList()) {
      List<InstrumentRow> rows = new ArrayList<>();
      Figures unitTotal = Figures.NONE;
      for (Instrument instrument : catalogue.instruments(unitCode)) {
        long id = instrument.id();
        Figures figures = new Figures(
            costTotals.getOrDefault(id, 0L), hours.getOrDefault(id, BigDecimal.ZERO), recovered.yen(id, ApplicantCategory.ACADEMIC),
            recovered.yen(id, ApplicantCategory.INDUSTRY), recovered.yen(id, ApplicantCategory.OTHER));
        if (instrument.active() || !figures.isZero()) {
          rows.add(new InstrumentRow(id, unitCode, instrument.name(), instrument.instrumentClass(), figures));
          unitTotal = unitTotal.plus(figures);
        }
      }
      units.add(new UnitSection(unitCode, rows, unitTotal));
      total = total.plus(unitTotal);
    }
    return new RecoveryReport(year, units, total);
  }

  private RecoveredUpkeep recovered(FiscalYear year) {
    List<StatementVersion> accepted = statements.accepted(clock.instant());
    List<Long> usageLines =
        accepted.stream().flatMap(v -> v.lines().stream()).map(StatementVersion.Line::usageItemId).filter(Objects::nonNull).distinct().toList();
    Map<Long, UsageOrigin> origins = usage.origins(usageLines);
    Map<Long, ApplicantCategory> categories = new HashMap<>();
    return RecoveredUpkeep.of(accepted, origins,
        caseId -> categories.computeIfAbsent(caseId, id -> ApplicantCategory.of(caseFile.get(id).applicantCategory())), year);
  }
}
