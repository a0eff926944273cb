package org.madoguchi.booking;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking rules an installation may change ({@code madoguchi.booking.*}).
 *
 * @param searchHorizon how far after the earliest start a free slot is looked for
 * @param workdayStart working hours start (local time of {@code madoguchi.time-zone}), on :00 or :30
 * @param workdayEnd working hours end, on :00 or :30
 * @param maxSessionHours the longest session a single booking may hold
 */
@ConfigurationProperties("madoguchi.booking")
record BookingProperties(
    @DefaultValue("P90D") Duration searchHorizon,
    @DefaultValue("09:00") LocalTime workdayStart,
    @DefaultValue("18:00") LocalTime workdayEnd,
    @DefaultValue("500") int maxSessionHours) {}
