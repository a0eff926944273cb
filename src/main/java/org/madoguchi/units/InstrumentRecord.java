package org.madoguchi.units;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the instrument catalogue. */
@Entity
@Table(name = "instruments")
class InstrumentRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(nullable = false)
  private String name;

  @Column(name = "instrument_class", nullable = false)
  private String instrumentClass;

  @Column(nullable = false)
  private String location;

  @Column(name = "hourly_upkeep_yen", nullable = false)
  private long hourlyUpkeepYen;

  @Column(name = "operator_assisted", nullable = false)
  private boolean operatorAssisted;

  @Column(nullable = false)
  private boolean active;

  protected InstrumentRecord() {}

  void edit(InstrumentDetails details) {
    this.name = details.name();
    this.instrumentClass = details.instrumentClass();
    this.location = details.location();
    this.hourlyUpkeepYen = details.hourlyUpkeepYen();
    this.operatorAssisted = details.operatorAssisted();
    this.active = details.active();
  }

  Instrument view() {
    return new Instrument(id, unitCode, name, instrumentClass, location, hourlyUpkeepYen, operatorAssisted, active);
  }
}
