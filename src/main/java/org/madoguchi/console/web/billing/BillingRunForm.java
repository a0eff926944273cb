package org.madoguchi.console.web.billing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import org.madoguchi.common.web.StoredIn;
import org.springframework.format.annotation.DateTimeFormat;

/** A billing run to start: the month ({@code 2026-11}) and the cut-off date of acceptance. */
record BillingRunForm(
    @NotBlank(message = "{billing.required}") @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "{billing.run.month.invalid}")
        @Size(max = 7, message = "{billing.too-long}") @StoredIn("billing_runs.billing_month") String month,
    @NotNull(message = "{billing.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate cutoff) {

  YearMonth yearMonth() {
    return YearMonth.parse(month);
  }
}
