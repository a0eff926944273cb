package org.madoguchi.calendar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the feeds hold and how often calendar applications should ask ({@code madoguchi.calendar.*}).
 *
 * @param past sessions that ended up to this long ago stay in a feed
 * @param cancelledKept a cancelled session stays this long after its cancellation (as STATUS:CANCELLED),
 *     so that calendars which subscribed before see it go
 * @param refresh the polling interval a feed suggests (REFRESH-INTERVAL, X-PUBLISHED-TTL)
 * @param maxAge how long a client may reuse an answer without asking again (Cache-Control)
 */
@ConfigurationProperties("madoguchi.calendar")
public record CalendarProperties(
    @DefaultValue("P90D") Duration past,
    @DefaultValue("P30D") Duration cancelledKept,
    @DefaultValue("PT1H") Duration refresh,
    @DefaultValue("PT5M") Duration maxAge) {}
