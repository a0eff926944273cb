package org.madoguchi.fees.invoicing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.common.web.StoredIn;
import org.springframework.modulith.NamedInterface;

/**
 * Who pays for a case, as the applicant (portal) or finance (console) enters it. Every field may be left
 * empty while saving; what an invoice needs is {@link #missing}: the institution and the contact e-mail,
 * and for an industry case the purchase-order number.
 *
 * @param budgetCode a budget or grant code, e.g. a KAKENHI number
 * @param billingCycle {@code PER_CASE}: invoiced as soon as the statement is accepted; {@code MONTHLY}:
 *     by the monthly billing run
 */
@NamedInterface("api")
public record PayerDetails(
    @Size(max = 200, message = "{billing.too-long}") @StoredIn("payers.institution_name") String institutionName,
    @Size(max = 200, message = "{billing.too-long}") @StoredIn("payers.department") String department,
    @Size(max = 120, message = "{billing.too-long}") @StoredIn("payers.contact_name") String contactName,
    @Email(message = "{billing.email.invalid}") @Size(max = 320, message = "{billing.too-long}") @StoredIn("payers.contact_email")
        String contactEmail,
    @Size(max = 60, message = "{billing.too-long}") @StoredIn("payers.budget_code") String budgetCode,
    @Size(max = 60, message = "{billing.too-long}") @StoredIn("payers.purchase_order") String purchaseOrder,
    @NotNull(message = "{billing.required}") BillingCycle billingCycle) {

  public static final String INDUSTRY = "industry";

  @NamedInterface("api")
  public enum BillingCycle {
    PER_CASE,
    MONTHLY
  }

  /** The fields as stored: stripped, empty ones null. */
  public PayerDetails {
    institutionName = clean(institutionName);
    department = clean(department);
    contactName = clean(contactName);
    contactEmail = clean(contactEmail);
    budgetCode = clean(budgetCode);
    purchaseOrder = clean(purchaseOrder);
  }

  /** An empty payer, billed per case. */
  public static PayerDetails none() {
    return new PayerDetails(null, null, null, null, null, null, BillingCycle.PER_CASE);
  }

  /** The fields an invoice to this payer still needs (form field names); empty when complete. */
  public List<String> missing(String applicantCategory) {
    List<String> missing = new ArrayList<>(3);
    if (institutionName == null) {
      missing.add("institutionName");
    }
    if (contactEmail == null) {
      missing.add("contactEmail");
    }
    if (INDUSTRY.equals(applicantCategory) && purchaseOrder == null) {
      missing.add("purchaseOrder");
    }
    return List.copyOf(missing);
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
