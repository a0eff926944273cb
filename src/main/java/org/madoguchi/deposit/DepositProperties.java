package org.madoguchi.deposit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deposit settings.
 *
 * @param maxEmbargo longest hold of an until-publication embargo, from the deposit date
 *     ({@code madoguchi.deposit.max-embargo}, ISO-8601 period, default {@code P2Y})
 */
@ConfigurationProperties("madoguchi.deposit")
record DepositProperties(@DefaultValue("P2Y") Period maxEmbargo) {}
