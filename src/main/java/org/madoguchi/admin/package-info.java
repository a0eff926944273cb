/**
 * The process-model lifecycle for administrators: validate an upload of BPMN, DMN and form files against
 * the engine version and Madoguchi's contract, dry-run it on an in-memory engine, preview a changed fee
 * schedule on closed cases, deploy it with a version tag, compare versions, migrate running instances
 * and roll back.
 */
@ApplicationModule(
    allowedDependencies = {"accounts :: api", "common", "fees :: api", "units :: api", "workflow :: inmemory"})
package org.madoguchi.admin;

import org.springframework.modulith.ApplicationModule;
