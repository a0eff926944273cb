/**
 * Mandatory data deposit: datasets, deposits with file manifests, steward reviews, and the deposit.*
 * workers.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "booking :: api", "cases :: api", "common", "notify :: api", "workflow :: api"})
package org.madoguchi.deposit;

import org.springframework.modulith.ApplicationModule;
