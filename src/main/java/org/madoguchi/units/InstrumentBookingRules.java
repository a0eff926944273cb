package org.madoguchi.units;

import java.time.Duration;
import org.springframework.modulith.NamedInterface;

/**
 * What a session chosen by a person must respect on one instrument. Grid and lengths are read in
 * facility time by the booking module.
 *
 * @param granularity sessions start and end on multiples of this, counted from local midnight
 * @param minSession shortest session
 * @param maxSession longest session
 * @param leadTime a session is booked at least this long before it starts
 * @param lateCancellation a cancellation within this time before the start is late
 */
@NamedInterface("api")
public record InstrumentBookingRules(
    Duration granularity, Duration minSession, Duration maxSession, Duration leadTime, Duration lateCancellation) {}
