package org.madoguchi.common.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox settings.
 *
 * @param maxAttempts failed attempts after which an entry is dead-lettered: with the default, about 13
 *     hours of refused mail or an hour of engine commands
 * @param lease how long a claim keeps other relays off an entry; longer than one batch takes to deliver
 * @param batchSize entries claimed at once
 */
@ConfigurationProperties("madoguchi.outbox")
public record OutboxProperties(
    @DefaultValue("20") int maxAttempts,
    @DefaultValue("PT5M") Duration lease,
    @DefaultValue("20") int batchSize) {}
