package org.madoguchi.units;

import org.springframework.modulith.NamedInterface;

/**
 * An instrument (or facility) of a support unit.
 *
 * @param id primary key (bookings refer to it)
 * @param unitCode the unit that runs it
 * @param name display name, e.g. {@code Titan Krios G4 (Osaka)}
 * @param instrumentClass e.g. {@code cryo-em}; forms and the fee schedule use these values
 * @param location where it stands
 * @param hourlyUpkeepYen upkeep per hour of use, integer yen
 * @param operatorAssisted an operator runs the sessions (operator time is charged), otherwise self-use
 * @param active bookable
 */
@NamedInterface("api")
public record Instrument(
    long id,
    String unitCode,
    String name,
    String instrumentClass,
    String location,
    long hourlyUpkeepYen,
    boolean operatorAssisted,
    boolean active) {}
