/**
 * Instrument booking: conflict-free reservations, recorded sessions (usage) and the booking.*
 * workers.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "cases :: api", "common", "notify :: api", "units :: api", "workflow :: api"})
package org.madoguchi.booking;

import org.springframework.modulith.ApplicationModule;
