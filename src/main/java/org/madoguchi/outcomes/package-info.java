/**
 * Outcomes: papers, patents and seeds reported by applicants, and the follow-up request.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "cases :: api", "common"})
package org.madoguchi.outcomes;

import org.springframework.modulith.ApplicationModule;
