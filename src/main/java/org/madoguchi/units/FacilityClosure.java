package org.madoguchi.units;

import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/** A day the facility is closed that is not a public holiday (a date in facility time). */
@NamedInterface("api")
public record FacilityClosure(long id, LocalDate closedOn, String reason) {}
