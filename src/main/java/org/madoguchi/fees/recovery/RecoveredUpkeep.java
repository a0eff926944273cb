package org.madoguchi.fees.recovery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.madoguchi.booking.InstrumentUsage.UsageOrigin;
import org.madoguchi.fees.StatementVersion;

/**
 * Upkeep recovered through fees in one fiscal year, per instrument and applicant category (pure). A line
 * counts when its usage line is instrument upkeep used in the year; its amount may be negative (a waiver
 * of that line, or a reduction). A waiver of the whole case (a waiver line without a usage line) reduces
 * each counted line by its share of the case's lines before waivers. Amounts are kept exact and rounded
 * to the yen (half up) per instrument and category.
 */
final class RecoveredUpkeep {

  static final String UPKEEP = "instrument-upkeep";
  static final String WAIVER = "WAIVER";

  private final Map<Long, Map<ApplicantCategory, BigDecimal>> amounts = new HashMap<>();

  private RecoveredUpkeep() {}

  /**
   * @param accepted accepted statement versions (the latest version of a case counts, if several are given)
   * @param origins the usage lines the versions' lines name, by id
   */
  static RecoveredUpkeep of(
      List<StatementVersion> accepted, Map<Long, UsageOrigin> origins, LongFunction<ApplicantCategory> categoryOfCase, FiscalYear year) {
    Map<Long, StatementVersion> latest = new HashMap<>();
    accepted.forEach(v -> latest.merge(v.caseId(), v, (a, b) -> a.version() >= b.version() ? a : b));
    RecoveredUpkeep recovered = new RecoveredUpkeep();
    latest.values().forEach(v -> recovered.add(v, origins, categoryOfCase, year));
    return recovered;
  }

  private void add(StatementVersion version, Map<Long, UsageOrigin> origins, LongFunction<ApplicantCategory> categoryOfCase, FiscalYear year) {
    long beforeWaivers = 0;
    long caseWaivers = 0;
    for (StatementVersion.Line line : version.lines()) {
      if (!WAIVER.equals(line.kind())) {
        beforeWaivers += line.amountYen();
      } else if (line.usageItemId() == null) {
        caseWaivers += line.amountYen();
      }
    }
    for (StatementVersion.Line line : version.lines()) {
      UsageOrigin origin = line.usageItemId() == null ? null : origins.get(line.usageItemId());
      if (origin == null || !UPKEEP.equals(origin.itemKind()) || !year.contains(origin.usedOn())) {
        continue;
      }
      BigDecimal amount = BigDecimal.valueOf(line.amountYen());
      if (caseWaivers != 0 && beforeWaivers > 0 && !WAIVER.equals(line.kind())) {
        amount = amount.add(BigDecimal.valueOf(caseWaivers).multiply(BigDecimal.valueOf(line.amountYen()))
            .divide(BigDecimal.valueOf(beforeWaivers), 10, RoundingMode.HALF_UP));
      }
      amounts.computeIfAbsent(origin.instrumentId(), id -> new EnumMap<>(ApplicantCategory.class))
          .merge(categoryOfCase.apply(version.caseId()), amount, BigDecimal::add);
    }
  }

  /** The instrument's recovered upkeep from the category's cases, to the yen. */
  long yen(long instrumentId, ApplicantCategory category) {
    BigDecimal amount = amounts.getOrDefault(instrumentId, Map.of()).get(category);
    return amount == null ? 0 : amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
