/**
 * Fees: statements, fee lines and invoices from the DMN fee schedule, the applicant's answer to a
 * statement, and the fees.* workers.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "booking :: api", "cases :: api", "common", "notify :: api", "workflow :: api"})
package org.madoguchi.fees;

import org.springframework.modulith.ApplicationModule;
