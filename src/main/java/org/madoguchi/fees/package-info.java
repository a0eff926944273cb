/**
 * Fees: statements, fee lines and invoices from the DMN fee schedule, the applicant's answer to a
 * statement, the fees.* workers, and cost recovery per instrument and fiscal year (fees.recovery).
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "booking :: api", "cases :: api", "common", "notify :: api", "units :: api", "workflow :: api"})
package org.madoguchi.fees;

import org.springframework.modulith.ApplicationModule;
