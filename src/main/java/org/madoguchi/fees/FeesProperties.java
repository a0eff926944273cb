package org.madoguchi.fees;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fee settings an operator may change, applied to statements assessed from then on:
 * {@code madoguchi.fees.consumption-tax-rate} (the standard rate, default 0.10),
 * {@code madoguchi.fees.reduced-tax-rate} (default 0.08) and {@code madoguchi.fees.tax-rounding}
 * ({@code FLOOR}, {@code HALF_UP} or {@code CEILING}; default {@code FLOOR}), the rounding of each tax
 * class's tax on a statement or invoice.
 */
@Validated
@ConfigurationProperties("madoguchi.fees")
public record FeesProperties(
    @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.10") BigDecimal consumptionTaxRate,
    @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.08") BigDecimal reducedTaxRate,
    @NotNull @DefaultValue("FLOOR") RoundingMode taxRounding) {}
