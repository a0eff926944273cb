/**
 * Cases: the case aggregate with its explicit status transitions, case numbers, the audit trail,
 * submission, cancellation, how cases end, and the case.* workers.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "common", "notify :: api", "workflow :: api"})
package org.madoguchi.cases;

import org.springframework.modulith.ApplicationModule;
