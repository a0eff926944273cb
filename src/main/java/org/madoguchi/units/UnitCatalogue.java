package org.madoguchi.units;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The support units and their instruments (seeded by migration; administrators may add more). */
@NamedInterface("api")
@Service
public class UnitCatalogue {

  private final UnitRecordRepository units;
  private final InstrumentRecordRepository instruments;

  UnitCatalogue(UnitRecordRepository units, InstrumentRecordRepository instruments) {
    this.units = units;
    this.instruments = instruments;
  }

  /** Whether {@code code} names a unit of the catalogue (e.g. to validate a support plan). */
  @Transactional(readOnly = true)
  public boolean isKnownUnit(String code) {
    return code != null && units.existsById(code);
  }

  /** Every unit, ordered by code. */
  @Transactional(readOnly = true)
  public List<SupportUnit> units() {
    return units.findAllByOrderByCode().stream().map(UnitRecord::view).toList();
  }

  @Transactional(readOnly = true)
  public Optional<SupportUnit> unit(String code) {
    return code == null ? Optional.empty() : units.findById(code).map(UnitRecord::view);
  }

  /** All instruments of a unit, active or not, ordered by id. */
  @Transactional(readOnly = true)
  public List<Instrument> instruments(String unitCode) {
    return instruments.findByUnitCodeOrderById(unitCode).stream().map(InstrumentRecord::view).toList();
  }

  /**
   * The bookable instruments of a unit, ordered by id; only those of {@code instrumentClass} unless it
   * is null or blank.
   */
  @Transactional(readOnly = true)
  public List<Instrument> bookableInstruments(String unitCode, String instrumentClass) {
    boolean anyClass = instrumentClass == null || instrumentClass.isBlank();
    return instruments(unitCode).stream()
        .filter(Instrument::active)
        .filter(i -> anyClass || i.instrumentClass().equals(instrumentClass.strip()))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<Instrument> instrument(long id) {
    return instruments.findById(id).map(InstrumentRecord::view);
  }

  /** The instruments with these ids (unknown ids left out), ordered by id; one query. */
  @Transactional(readOnly = true)
  public List<Instrument> instruments(Collection<Long> ids) {
    return instruments.findAllById(ids).stream().map(InstrumentRecord::view).sorted(Comparator.comparingLong(Instrument::id)).toList();
  }

  /** The booking rules of an instrument, active or not. */
  @Transactional(readOnly = true)
  public Optional<InstrumentBookingRules> bookingRules(long instrumentId) {
    return instruments.findById(instrumentId).map(InstrumentRecord::bookingRules);
  }
}
