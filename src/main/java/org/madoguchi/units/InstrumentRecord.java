package org.madoguchi.units;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

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

  @Column(name = "booking_granularity_minutes", nullable = false)
  private int bookingGranularityMinutes;

  @Column(name = "min_session_minutes", nullable = false)
  private int minSessionMinutes;

  @Column(name = "max_session_minutes", nullable = false)
  private int maxSessionMinutes;

  @Column(name = "lead_time_hours", nullable = false)
  private int leadTimeHours;

  @Column(name = "late_cancellation_hours", nullable = false)
  private int lateCancellationHours;

  protected InstrumentRecord() {}

  /** A new instrument of the unit, with the booking rules V185 gives every instrument until someone edits them. */
  InstrumentRecord(String unitCode, InstrumentDetails details) {
    this.unitCode = unitCode;
    edit(details);
    this.bookingGranularityMinutes = 30;
    this.minSessionMinutes = 30;
    this.maxSessionMinutes = 1440;
    this.leadTimeHours = 24;
    this.lateCancellationHours = 48;
  }

  void edit(InstrumentDetails details) {
    this.name = details.name();
    this.instrumentClass = details.instrumentClass();
    this.location = details.location();
    this.hourlyUpkeepYen = details.hourlyUpkeepYen();
    this.operatorAssisted = details.operatorAssisted();
    this.active = details.active();
  }

  void editBookingRules(InstrumentBookingRules rules) {
    this.bookingGranularityMinutes = Math.toIntExact(rules.granularity().toMinutes());
    this.minSessionMinutes = Math.toIntExact(rules.minSession().toMinutes());
    this.maxSessionMinutes = Math.toIntExact(rules.maxSession().toMinutes());
    this.leadTimeHours = Math.toIntExact(rules.leadTime().toHours());
    this.lateCancellationHours = Math.toIntExact(rules.lateCancellation().toHours());
  }

  Instrument view() {
    return new Instrument(id, unitCode, name, instrumentClass, location, hourlyUpkeepYen, operatorAssisted, active);
  }

  InstrumentBookingRules bookingRules() {
    return new InstrumentBookingRules(
        Duration.ofMinutes(bookingGranularityMinutes),
        Duration.ofMinutes(minSessionMinutes),
        Duration.ofMinutes(maxSessionMinutes),
        Duration.ofHours(leadTimeHours),
        Duration.ofHours(lateCancellationHours));
  }
}
