/**
 * Shared kernel every feature may use: problem details, locale handling, the clock, the outbox, HTTP
 * sessions in the database, and scheduled runs shared by the application's instances.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.madoguchi.common;

import org.springframework.modulith.ApplicationModule;
