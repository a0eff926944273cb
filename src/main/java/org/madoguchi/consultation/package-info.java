/**
 * Consultation at the one-stop desk: the desk's decisions, questions to the applicant and their
 * answers, and the consultation.* workers.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "cases :: api", "common", "units :: api", "workflow :: api"})
package org.madoguchi.consultation;

import org.springframework.modulith.ApplicationModule;
