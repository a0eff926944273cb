package org.madoguchi.units;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * What an administrator edits on an instrument: everything the catalogue holds but its id and unit.
 *
 * @param instrumentClass one of {@link #CLASSES}
 */
@NamedInterface("api")
public record InstrumentDetails(
    String name, String instrumentClass, String location, long hourlyUpkeepYen, boolean operatorAssisted, boolean active) {

  /** The classes {@code instruments.instrument_class} allows (forms and the fee schedule use them). */
  public static final List<String> CLASSES = List.of(
      "cryo-em", "xray", "saxs", "nmr", "neutron", "confocal", "light-sheet", "mass-spec", "sequencer",
      "flow-cytometer", "hts-robot", "compute-cluster", "lc-ms", "animal-facility", "synthesis",
      "peptide-synthesizer", "data-storage");

  public static InstrumentDetails of(Instrument instrument) {
    return new InstrumentDetails(instrument.name(), instrument.instrumentClass(), instrument.location(),
        instrument.hourlyUpkeepYen(), instrument.operatorAssisted(), instrument.active());
  }
}
