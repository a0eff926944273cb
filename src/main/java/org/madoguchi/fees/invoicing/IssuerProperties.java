package org.madoguchi.fees.invoicing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.madoguchi.fees.BillingDocument;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The facility as it issues qualified invoices: {@code madoguchi.fees.issuer.name}, {@code
 * .registration-number} (T + 13 digits with a valid check digit, or startup fails), {@code .address} and
 * {@code .contact}. Printed on every invoice, credit note and no-charge notice, and copied into each.
 */
@Validated
@ConfigurationProperties("madoguchi.fees.issuer")
public record IssuerProperties(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @RegistrationNumber String registrationNumber,
    @NotBlank @Size(max = 300) String address,
    @NotBlank @Size(max = 300) String contact) {

  BillingDocument.Issuer issuer() {
    return new BillingDocument.Issuer(name, registrationNumber, address, contact);
  }
}
