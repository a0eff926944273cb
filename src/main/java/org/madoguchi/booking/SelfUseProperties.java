package org.madoguchi.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-use booking settings ({@code madoguchi.booking.self-use.*}).
 *
 * @param expiresAfter how long a self-use qualification stays valid without a self-use booking
 */
@ConfigurationProperties("madoguchi.booking.self-use")
record SelfUseProperties(@DefaultValue("P180D") Duration expiresAfter) {}
