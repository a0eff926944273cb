package org.madoguchi.fees.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.InvalidRequestException.Violation;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.UnitCatalogue;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Upkeep, repair, service-contract and consumables costs per instrument. Entries are only added: a wrong
 * one is reversed (an entry of the negated amount with a reason) and recorded again, so every figure of
 * a past report can be traced to the entries behind it.
 */
@NamedInterface("api")
@Service
public class UpkeepCosts {

  /** The largest amount one entry may carry: 10 billion yen. */
  public static final long MAX_AMOUNT_YEN = 10_000_000_000L;

  public static final int MAX_TEXT = 500;

  /** A cost as a person records it. */
  @NamedInterface("api")
  public record NewCost(long instrumentId, LocalDate incurredOn, CostKind kind, long amountYen, String description) {}

  private final UpkeepCostRepository costs;
  private final UnitCatalogue catalogue;
  private final Clock clock;
  private final ZoneId zone;

  UpkeepCosts(UpkeepCostRepository costs, UnitCatalogue catalogue, Clock clock, MadoguchiProperties facility) {
    this.costs = costs;
    this.catalogue = catalogue;
    this.clock = clock;
    this.zone = facility.timeZone();
  }

  /** The days a cost may be incurred on: from FY2000 to the end of the next fiscal year. */
  public LocalDate earliestDay() {
    return new FiscalYear(FiscalYear.FIRST).first();
  }

  public LocalDate latestDay() {
    return currentYear().next().last();
  }

  public FiscalYear currentYear() {
    return FiscalYear.of(LocalDate.now(clock.withZone(zone)));
  }

  /** Records a cost of a known instrument (404 otherwise); each bad field is refused with its reason, nothing written. */
  @Transactional
  public CostEntry record(NewCost cost, String recordedBy) {
    Instrument instrument = instrument(cost.instrumentId());
    List<Violation> problems = new ArrayList<>();
    if (cost.incurredOn() == null) {
      problems.add(new Violation("incurredOn", "recovery.cost.date.required"));
    } else if (cost.incurredOn().isBefore(earliestDay()) || cost.incurredOn().isAfter(latestDay())) {
      problems.add(new Violation("incurredOn", "recovery.cost.date.range", earliestDay().toString(), latestDay().toString()));
    }
    if (cost.kind() == null) {
      problems.add(new Violation("kind", "recovery.cost.kind.invalid"));
    }
    if (cost.amountYen() < 1 || cost.amountYen() > MAX_AMOUNT_YEN) {
      problems.add(new Violation("amountYen", "recovery.cost.amount.range"));
    }
    String description = cost.description() == null ? "" : cost.description().strip();
    if (description.isEmpty()) {
      problems.add(new Violation("description", "recovery.cost.description.required"));
    } else if (description.length() > MAX_TEXT) {
      problems.add(new Violation("description", "recovery.text.too-long", MAX_TEXT));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    UpkeepCost saved = costs.save(
        new UpkeepCost(instrument.id(), cost.incurredOn(), cost.kind(), cost.amountYen(), description, recordedBy, clock.instant()));
    return saved.view(null);
  }

  /** Reverses an entry once (409 for a second time or for a reversal); the reason is required. */
  @Transactional
  public CostEntry reverse(long costId, String reason, String reversedBy) {
    UpkeepCost original = costs.findById(costId).orElseThrow(() -> new NotFoundException("cost " + costId));
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw InvalidRequestException.of("reason", "recovery.reversal.reason.required");
    }
    if (why.length() > MAX_TEXT) {
      throw InvalidRequestException.of("reason", "recovery.text.too-long", MAX_TEXT);
    }
    if (original.isReversal() || costs.findByReversesId(costId).isPresent()) {
      throw new StateConflictException("recovery.reversal.not-reversible");
    }
    try {
      return costs.saveAndFlush(original.reversal(why, reversedBy, clock.instant())).view(null);
    } catch (DataIntegrityViolationException concurrentReversal) {
      // Another reversal of the same entry committed first: the unique key on reverses_id refused this one.
      throw new StateConflictException("recovery.reversal.not-reversible");
    }
  }

  @Transactional(readOnly = true)
  public CostEntry entry(long costId) {
    UpkeepCost cost = costs.findById(costId).orElseThrow(() -> new NotFoundException("cost " + costId));
    return cost.view(costs.findByReversesId(costId).map(UpkeepCost::id).orElse(null));
  }

  /** The instrument's entries incurred in the fiscal year, by day then as recorded. */
  @Transactional(readOnly = true)
  public List<CostEntry> ofInstrument(long instrumentId, FiscalYear year) {
    List<UpkeepCost> entries = costs.ofInstrument(instrumentId, year.first(), year.last());
    Map<Long, Long> reversals = new HashMap<>();
    if (!entries.isEmpty()) {
      costs.reversalsOf(entries.stream().map(UpkeepCost::id).toList()).forEach(r -> reversals.put((Long) r[0], (Long) r[1]));
    }
    return entries.stream().map(c -> c.view(reversals.get(c.id()))).toList();
  }

  /** The net cost per instrument id in the fiscal year (reversals deducted). */
  @Transactional(readOnly = true)
  public Map<Long, Long> totals(FiscalYear year) {
    Map<Long, Long> totals = new HashMap<>();
    costs.totalsByInstrument(year.first(), year.last()).forEach(r -> totals.put((Long) r[0], ((Number) r[1]).longValue()));
    return totals;
  }

  private Instrument instrument(long instrumentId) {
    return catalogue.instrument(instrumentId).orElseThrow(() -> new NotFoundException("instrument " + instrumentId));
  }
}
