/**
 * Calendars of bookings for other applications: iCalendar (RFC 5545) feeds of an applicant's sessions,
 * an operator's sessions and an instrument's bookings, each at a secret address its owner can rotate.
 * Its own module rather than part of booking: it reads cases, teams and accounts besides bookings,
 * which booking itself must not depend on, and it owns the secrets and their pages.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "booking :: api", "cases :: api", "common", "units :: api"})
package org.madoguchi.calendar;

import org.springframework.modulith.ApplicationModule;
