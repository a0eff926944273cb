package org.madoguchi.fees.invoicing;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Optional;
import org.madoguchi.fees.invoicing.PayerDetails.BillingCycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payer of each case. Callers check who may see or change the case (its applicant, or finance);
 * the details are validated by the web layer ({@link PayerDetails}' constraints) before they come here.
 * A change applies to invoices issued from then on: an issued invoice keeps the payer it was issued to.
 */
@NamedInterface("api")
@Service
public class Payers {

  private final JdbcClient jdbc;
  private final Clock clock;

  Payers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<PayerDetails> of(long caseId) {
    return jdbc.sql("""
            select institution_name, department, contact_name, contact_email, budget_code, purchase_order, billing_cycle
            from payers where case_id = ?""")
        .param(caseId)
        .query((rs, n) -> new PayerDetails(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            BillingCycle.valueOf(rs.getString(7))))
        .optional();
  }

  @Transactional
  public void save(long caseId, PayerDetails payer, String changedBy) {
    jdbc.sql("""
            insert into payers (case_id, institution_name, department, contact_name, contact_email, budget_code, purchase_order,
                                billing_cycle, updated_at, updated_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on duplicate key update institution_name = values(institution_name), department = values(department),
              contact_name = values(contact_name), contact_email = values(contact_email), budget_code = values(budget_code),
              purchase_order = values(purchase_order), billing_cycle = values(billing_cycle), updated_at = values(updated_at),
              updated_by = values(updated_by)""")
        .params(caseId, payer.institutionName(), payer.department(), payer.contactName(), payer.contactEmail(),
            payer.budgetCode(), payer.purchaseOrder(), payer.billingCycle().name(), Timestamp.from(clock.instant()), changedBy)
        .update();
  }
}
