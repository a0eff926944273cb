/**
 * Support units: the unit and instrument catalogue, maintenance windows, unit assignments and
 * units.record-assignment.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "cases :: api", "common"})
package org.madoguchi.units;

import org.springframework.modulith.ApplicationModule;
