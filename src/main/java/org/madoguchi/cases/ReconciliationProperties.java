package org.madoguchi.cases;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation of cases with the engine.
 *
 * @param interval the pause between two runs
 * @param grace how long after a start or a message's end of buffering the engine has to show its effect
 *     before the case is repaired or flagged: longer than the outbox takes to deliver in a short outage
 * @param lookback how far back messages whose buffering ended are checked (each run checks them all again
 *     until flagged or taken up)
 */
@ConfigurationProperties("madoguchi.reconciliation")
public record ReconciliationProperties(
    @DefaultValue("PT5M") Duration interval,
    @DefaultValue("PT15M") Duration grace,
    @DefaultValue("P7D") Duration lookback) {}
