package org.madoguchi.fees;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fee settings an operator may change: {@code madoguchi.fees.consumption-tax-rate} (default 0.10,
 * the Japanese standard rate), applied to statements assessed from then on.
 */
@Validated
@ConfigurationProperties("madoguchi.fees")
record FeesProperties(
    @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.10") BigDecimal consumptionTaxRate) {}
