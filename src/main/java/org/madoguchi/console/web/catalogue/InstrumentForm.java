package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.StoredIn;
import org.madoguchi.units.Instrument;
import org.madoguchi.units.InstrumentDetails;

/**
 * An instrument's catalogue entry. A bean, not a record, so that a value that does not convert (letters
 * for the upkeep) is refused at its field while the rest of the form is kept; a cleared check box sends
 * nothing and leaves its flag false.
 */
class InstrumentForm {

  /** Ten million yen an hour: far above any instrument's upkeep, far below what a fee line can hold. */
  static final long MAX_UPKEEP_YEN = 10_000_000;

  @NotBlank(message = "{catalogue.required}") @Size(max = 200, message = "{catalogue.too-long}") @StoredIn("instruments.name")
  private String name;

  @NotBlank(message = "{catalogue.required}") @Size(max = 40, message = "{catalogue.too-long}") @StoredIn("instruments.instrument_class")
  private String instrumentClass;

  @NotBlank(message = "{catalogue.required}") @Size(max = 300, message = "{catalogue.too-long}") @StoredIn("instruments.location")
  private String location;

  @NotNull(message = "{catalogue.required}") @PositiveOrZero(message = "{catalogue.instrument.upkeep.range}")
  @Max(value = MAX_UPKEEP_YEN, message = "{catalogue.instrument.upkeep.range}")
  private Long hourlyUpkeepYen;

  private boolean operatorAssisted;
  private boolean active;

  /** A new instrument: active, operator-assisted, of the first class until someone chooses. */
  static InstrumentForm blank() {
    InstrumentForm form = new InstrumentForm();
    form.instrumentClass = InstrumentDetails.CLASSES.getFirst();
    form.hourlyUpkeepYen = 0L;
    form.operatorAssisted = true;
    form.active = true;
    return form;
  }

  static InstrumentForm of(Instrument instrument) {
    InstrumentForm form = new InstrumentForm();
    form.name = instrument.name();
    form.instrumentClass = instrument.instrumentClass();
    form.location = instrument.location();
    form.hourlyUpkeepYen = instrument.hourlyUpkeepYen();
    form.operatorAssisted = instrument.operatorAssisted();
    form.active = instrument.active();
    return form;
  }

  InstrumentDetails details() {
    return new InstrumentDetails(name.strip(), instrumentClass.strip(), location.strip(), hourlyUpkeepYen, operatorAssisted, active);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getInstrumentClass() {
    return instrumentClass;
  }

  public void setInstrumentClass(String instrumentClass) {
    this.instrumentClass = instrumentClass;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public Long getHourlyUpkeepYen() {
    return hourlyUpkeepYen;
  }

  public void setHourlyUpkeepYen(Long hourlyUpkeepYen) {
    this.hourlyUpkeepYen = hourlyUpkeepYen;
  }

  public boolean isOperatorAssisted() {
    return operatorAssisted;
  }

  public void setOperatorAssisted(boolean operatorAssisted) {
    this.operatorAssisted = operatorAssisted;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
